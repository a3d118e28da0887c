using FundManager.Finance;

namespace FundManager.Reporting.Exports;

/// <summary>
/// Writes one table of an export row by row, as CSV or as sheets of a workbook. Values follow the columns: text as
/// <see cref="string"/>, integers as <see cref="long"/>, dates as <see cref="DateOnly"/>, US dollars as <see cref="decimal"/>, original amounts as <see cref="Money"/>,
/// null for an empty cell.
/// </summary>
internal interface ITableWriter : IDisposable
{
    /// <summary>The data rows written so far (the header row is not one).</summary>
    long Rows { get; }

    void Row(params object?[] values);

    /// <summary>A total row: the same as a row in CSV, bold over a rule in a sheet.</summary>
    void Total(params object?[] values);
}
