using FundManager.Grants;

namespace FundManager.Api.Portal;

/// <summary>
/// A grant's direct budget by year and its tranches as a form holds them, in USD: rows left empty are not lines. A new
/// draft offers <see cref="BudgetYears"/> and <see cref="TrancheRows"/> rows; a grant's own plan gets a row per line,
/// and at least as many.
/// </summary>
public abstract class BudgetPlanInput
{
    public const int BudgetYears = 4;
    public const int TrancheRows = 6;

    public int?[] BudgetYear { get; set; } = new int?[BudgetYears];

    public decimal?[] BudgetAmount { get; set; } = new decimal?[BudgetYears];

    public DateOnly?[] TrancheOn { get; set; } = new DateOnly?[TrancheRows];

    public decimal?[] TrancheAmount { get; set; } = new decimal?[TrancheRows];

    public IReadOnlyList<PlannedBudgetLine> Budget() =>
        [.. Enumerable.Range(0, Math.Min(BudgetYear.Length, BudgetAmount.Length))
            .Where(i => BudgetYear[i] is not null || BudgetAmount[i] is not null)
            .Select(i => new PlannedBudgetLine(BudgetYear[i] ?? 0, BudgetAmount[i] ?? 0m))];

    public IReadOnlyList<PlannedTranche> Tranches() =>
        [.. Enumerable.Range(0, Math.Min(TrancheOn.Length, TrancheAmount.Length))
            .Where(i => TrancheOn[i] is not null || TrancheAmount[i] is not null)
            .Select(i => new PlannedTranche(TrancheOn[i] ?? default, TrancheAmount[i] ?? 0m))];

    /// <summary>The rows filled with <paramref name="grant"/>'s budget and tranches as they stand.</summary>
    protected void FillPlan(Grant grant)
    {
        BudgetYear = [.. grant.Budget.Select(l => (int?)l.Year), .. new int?[Math.Max(0, BudgetYears - grant.Budget.Count)]];
        BudgetAmount = [.. grant.Budget.Select(l => (decimal?)l.Amount.Amount), .. new decimal?[Math.Max(0, BudgetYears - grant.Budget.Count)]];
        TrancheOn = [.. grant.Tranches.Select(t => (DateOnly?)t.PlannedOn), .. new DateOnly?[Math.Max(0, TrancheRows - grant.Tranches.Count)]];
        TrancheAmount = [.. grant.Tranches.Select(t => (decimal?)t.PlannedAmount.Amount), .. new decimal?[Math.Max(0, TrancheRows - grant.Tranches.Count)]];
    }
}
