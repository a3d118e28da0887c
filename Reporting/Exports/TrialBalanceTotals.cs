namespace FundManager.Reporting.Exports;

/// <summary>The totals of the exported trial balance: entries dated on or before <see cref="AsOf"/> (all when null), in US dollars.</summary>
public sealed record TrialBalanceTotals(DateOnly? AsOf, decimal Debit, decimal Credit);
