namespace FundManager.Reporting.Excel;

/// <summary>The block of cells a chart covers: from (column, row), zero-based, spanning so many columns and rows.</summary>
public sealed record ChartAnchor(int Column, int Row, int Columns, int Rows);
