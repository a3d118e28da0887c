namespace FundManager.Reporting.Exports;

/// <summary>A sheet of an exported workbook: its name, the table it holds part of (<c>journal</c>, <c>general-ledger</c>, <c>trial-balance</c>), and its data rows.</summary>
public sealed record ExportedSheet(string Name, string Table, long Rows);
