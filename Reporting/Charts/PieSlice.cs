namespace FundManager.Reporting.Charts;

/// <summary>One slice of a pie: its cleaned label, its value and its share of the total (0 to 1).</summary>
internal sealed record PieSlice(string Label, decimal Value, decimal Share);
