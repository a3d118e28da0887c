namespace FundManager.Reporting.Excel;

/// <summary>A column of a sheet's table: its heading and width (in characters). Widths are declared before rows stream out.</summary>
public sealed record SheetColumn(string Header, double Width);
