using FundManager.Recommendations;

namespace FundManager.Api.Portal;

/// <summary>
/// A UPR recommendation as an officer registers it from the UPR outcome: its id, the State under review, the
/// recommending States, the cycle and session, its text, the State's position, and its themes and SDG targets.
/// </summary>
public sealed class RecommendationInput
{
    public string Key { get; set; } = "";

    public string? Id { get; set; }

    public string? StateUnderReview { get; set; }

    /// <summary>ISO alpha-3 codes separated by commas, such as <c>NOR, BRA</c>.</summary>
    public string? RecommendingStates { get; set; }

    public int? Cycle { get; set; }

    public int? Session { get; set; }

    public string? Text { get; set; }

    public RecommendationPosition Position { get; set; } = RecommendationPosition.Supported;

    /// <summary>Themes separated by commas or lines.</summary>
    public string? Themes { get; set; }

    public string? SdgTargets { get; set; }

    public string? DocumentSymbol { get; set; }
}
