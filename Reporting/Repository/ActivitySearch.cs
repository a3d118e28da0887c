using FundManager.Grants;

namespace FundManager.Reporting.Repository;

/// <summary>
/// What a visitor of the public repository searches by; a filter left null does not apply. <see cref="Recommendation"/>
/// and <see cref="SdgTarget"/> match exactly (ignoring case); the others as the grants' lists do.
/// </summary>
public sealed record ActivitySearch
{
    public string? Country { get; init; }

    public Reference.OhchrRegion? Region { get; init; }

    public string? Recommendation { get; init; }

    public string? SdgTarget { get; init; }

    public CooperationModality? Modality { get; init; }

    public int? Year { get; init; }

    /// <summary>The id of the last activity of the previous page.</summary>
    public string? After { get; init; }
}
