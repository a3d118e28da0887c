using FundManager.Reference;

namespace FundManager.Grants;

/// <summary>A grant as the secretariat enters it, before validation.</summary>
public sealed record GrantPlan(
    string ImplementingEntityName,
    ImplementingEntityType ImplementingEntityType,
    string Country,
    OhchrRegion Region,
    string Title,
    string Summary,
    DateOnly Start,
    DateOnly End,
    CooperationModality Modality,
    IReadOnlyList<string> Recommendations,
    IReadOnlyList<string> SdgTargets,
    IReadOnlyList<PlannedBudgetLine> Budget,
    IReadOnlyList<PlannedTranche> Tranches);

/// <summary>A year's direct budget as entered, in USD.</summary>
public sealed record PlannedBudgetLine(int Year, decimal Amount);

/// <summary>A tranche as entered: planned date and direct amount in USD.</summary>
public sealed record PlannedTranche(DateOnly PlannedOn, decimal Amount);
