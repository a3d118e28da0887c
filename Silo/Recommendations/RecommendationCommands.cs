using FundManager.Common;

namespace FundManager.Recommendations;

/// <summary>
/// Register a UPR recommendation as the UPR outcome records it (ids such as <c>155.32</c>, or the Universal Human Rights
/// Index's annotation id, are unique within the system).
/// </summary>
public sealed record RegisterRecommendation(
    string Id,
    string StateUnderReview,
    IReadOnlyList<string> RecommendingStates,
    int Cycle,
    int Session,
    string Text,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> SdgTargets,
    RecommendationPosition Position,
    IReadOnlyList<string>? AffectedPersons = null,
    string? DocumentSymbol = null) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } =
    [
        BusinessRule.EntityAlreadyExists,
        BusinessRule.UnknownCountry,
        BusinessRule.UnknownSdgTarget,
    ];
}

/// <summary>
/// Register a recommendation as an import (from the Universal Human Rights Index) gives it, or revise the one registered
/// under its id to match: nothing changes when it already does.
/// </summary>
public sealed record ImportRecommendation(RegisterRecommendation Recommendation) : ICommand
{
    public static IReadOnlyList<BusinessRule> Refusals { get; } = [BusinessRule.UnknownCountry, BusinessRule.UnknownSdgTarget];
}
