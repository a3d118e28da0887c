using FundManager.Grants;

namespace FundManager.Api.Portal;

/// <summary>
/// A grant as an officer drafts it from the pages: who implements it where, its period, the UPR recommendations and SDG
/// targets it serves, its direct budget by year and its tranches. The region follows from the country; PSC is the
/// fund's, added on approval.
/// </summary>
public sealed class DraftGrantInput
{
    public const int BudgetYears = 4;
    public const int TrancheRows = 6;
    public const string Preview = "preview";
    public const string Save = "save";

    public string Key { get; set; } = "";

    public string? Fund { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? ImplementingEntity { get; set; }

    public ImplementingEntityType ImplementingEntityType { get; set; } = ImplementingEntityType.GovernmentBody;

    public string? Country { get; set; }

    public CooperationModality Modality { get; set; } = CooperationModality.NorthSouth;

    public DateOnly? Start { get; set; }

    public DateOnly? End { get; set; }

    /// <summary>Recommendation ids separated by commas or lines, such as <c>155.32</c>.</summary>
    public string? Recommendations { get; set; }

    /// <summary>SDG targets separated by commas or spaces, such as <c>16.3, 5.2</c>.</summary>
    public string? SdgTargets { get; set; }

    public int?[] BudgetYear { get; set; } = new int?[BudgetYears];

    public decimal?[] BudgetAmount { get; set; } = new decimal?[BudgetYears];

    public DateOnly?[] TrancheOn { get; set; } = new DateOnly?[TrancheRows];

    public decimal?[] TrancheAmount { get; set; } = new decimal?[TrancheRows];

    /// <summary>Which button sent the form: <see cref="Preview"/> or <see cref="Save"/>.</summary>
    public string? Step { get; set; }

    public IReadOnlyList<PlannedBudgetLine> Budget() =>
        [.. Enumerable.Range(0, BudgetYears)
            .Where(i => BudgetYear[i] is not null || BudgetAmount[i] is not null)
            .Select(i => new PlannedBudgetLine(BudgetYear[i] ?? 0, BudgetAmount[i] ?? 0m))];

    public IReadOnlyList<PlannedTranche> Tranches() =>
        [.. Enumerable.Range(0, TrancheRows)
            .Where(i => TrancheOn[i] is not null || TrancheAmount[i] is not null)
            .Select(i => new PlannedTranche(TrancheOn[i] ?? default, TrancheAmount[i] ?? 0m))];
}
