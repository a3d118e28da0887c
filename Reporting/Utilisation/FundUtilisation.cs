using FundManager.Reporting.Figures;

namespace FundManager.Reporting.Utilisation;

/// <summary>
/// How a fund's spending in a period is attributed to its donors: what it spent (<see cref="Items"/>), what each donor
/// gave (<see cref="Funds"/>), and the attributions, which add up item by item to what was spent.
/// </summary>
public sealed record FundUtilisation(string Fund, ReportPeriod Period, IReadOnlyList<SpendingItem> Items, IReadOnlyList<DonorFunds> Funds, IReadOnlyList<Attribution> Attributions)
{
    public decimal Spent => Items.Sum(i => i.Amount);
}
