using FundManager.Reference;

namespace FundManager.Recommendations;

/// <summary>Something that happened to a UPR recommendation record.</summary>
public abstract record RecommendationEvent;

/// <summary>A UPR recommendation was registered as the UPR outcome records it.</summary>
public sealed record RecommendationRegistered(
    string Id,
    CountryCode StateUnderReview,
    IReadOnlyList<CountryCode> RecommendingStates,
    int Cycle,
    int Session,
    string Text,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> SdgTargets,
    RecommendationPosition Position) : RecommendationEvent;
