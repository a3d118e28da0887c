namespace FundManager.Reporting.Excel;

/// <summary>Where a chart's data sits in the workbook: the categories, and per series its name cell and values.</summary>
public sealed record ChartRanges(string Categories, IReadOnlyList<string> SeriesNames, IReadOnlyList<string> Values);
