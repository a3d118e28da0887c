namespace FundManager.Recommendations;

/// <summary>Register a UPR recommendation as the UPR outcome records it (ids such as <c>155.32</c> are unique within the system).</summary>
public sealed record RegisterRecommendation(
    string Id,
    string StateUnderReview,
    IReadOnlyList<string> RecommendingStates,
    int Cycle,
    int Session,
    string Text,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> SdgTargets,
    RecommendationPosition Position);
