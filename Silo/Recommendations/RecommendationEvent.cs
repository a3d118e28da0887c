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
    RecommendationPosition Position,
    IReadOnlyList<string>? AffectedPersons = null,
    string? DocumentSymbol = null) : RecommendationEvent;

/// <summary>A registered recommendation was revised to match its source (an import from the Universal Human Rights Index).</summary>
public sealed record RecommendationRevised(
    CountryCode StateUnderReview,
    IReadOnlyList<CountryCode> RecommendingStates,
    int Cycle,
    int Session,
    string Text,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> SdgTargets,
    RecommendationPosition Position,
    IReadOnlyList<string> AffectedPersons,
    string? DocumentSymbol) : RecommendationEvent;
