namespace FundManager.Reporting.Exports;

/// <summary>What a column of an export holds, which decides how each format writes it.</summary>
public enum ColumnKind
{
    /// <summary>Text as it is stored.</summary>
    Text,

    /// <summary>A whole number (sequence, version, line), written without separators.</summary>
    Integer,

    /// <summary>A date: <c>yyyy-MM-dd</c> in CSV, a date cell in XLSX.</summary>
    Date,

    /// <summary>US dollars to the cent: two decimals in CSV (as the hash chain formats them), a number in XLSX.</summary>
    Usd,

    /// <summary>An original amount as stored, four decimals in CSV (as the hash chain formats them), a number in XLSX.</summary>
    Amount,
}
