namespace FundManager.Reporting.Exports;

/// <summary>A column of an export table: its heading (the same in CSV and XLSX), its width in a sheet, and what it holds.</summary>
public sealed record TableColumn(string Header, double Width, ColumnKind Kind);
