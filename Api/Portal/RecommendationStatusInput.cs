using FundManager.Grants;

namespace FundManager.Api.Portal;

/// <summary>How far a UPR recommendation the grant serves has been implemented, as of a date, with the evidence.</summary>
public sealed class RecommendationStatusInput
{
    public string Key { get; set; } = "";

    public string? Recommendation { get; set; }

    public ImplementationStatus Status { get; set; } = ImplementationStatus.InProgress;

    public string? Evidence { get; set; }

    public DateOnly? AsOf { get; set; }
}
