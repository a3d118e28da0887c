namespace FundManager.Reporting.Exports;

/// <summary>How a ledger export is written: three CSV files, or one workbook of three sheets.</summary>
public enum ExportFormat
{
    /// <summary><c>journal.csv</c>, <c>general-ledger.csv</c>, <c>trial-balance.csv</c> (RFC 4180, UTF-8 without BOM).</summary>
    Csv,

    /// <summary><c>ledger.xlsx</c> with the sheets Journal, General ledger and Trial balance.</summary>
    Xlsx,
}
