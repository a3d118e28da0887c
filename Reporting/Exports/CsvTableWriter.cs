using System.Globalization;
using CsvHelper;
using FundManager.Finance;

namespace FundManager.Reporting.Exports;

/// <summary>
/// A table as one CSV file (<see cref="Rfc4180"/>): a header row, then one record per row. Amounts take the hash chain's
/// formats (US dollars F2, original amounts F4), dates ISO 8601, and no text is altered: an export is evidence.
/// </summary>
internal sealed class CsvTableWriter : ITableWriter
{
    private readonly CsvWriter _csv;
    private readonly IReadOnlyList<TableColumn> _columns;

    public CsvTableWriter(Stream output, IReadOnlyList<TableColumn> columns)
    {
        _csv = Rfc4180.Writer(output, CsvInjection.None);
        _columns = columns;
        _csv.WriteHeader([.. columns.Select(c => c.Header)]);
    }

    public long Rows { get; private set; }

    public void Row(params object?[] values)
    {
        for (var i = 0; i < _columns.Count; i++)
        {
            switch (i < values.Length ? values[i] : null)
            {
                case null:
                    _csv.WriteField((string?)null);
                    break;
                case string text:
                    _csv.WriteField(text);
                    break;
                case long n:
                    _csv.WriteField(n, "");
                    break;
                case int n:
                    _csv.WriteField(n, "");
                    break;
                case DateOnly date:
                    _csv.WriteField(date, "yyyy-MM-dd");
                    break;
                case Money original:
                    _csv.WriteField(original.Amount, "F4");
                    break;
                case decimal amount:
                    _csv.WriteField(amount, _columns[i].Kind == ColumnKind.Amount ? "F4" : "F2");
                    break;
                case var other:
                    throw new ArgumentException($"An export cell cannot hold a {other.GetType().Name}.", nameof(values));
            }
        }

        _csv.EndRecord();
        Rows++;
    }

    public void Total(params object?[] values) => Row(values);

    public void Dispose() => _csv.Dispose();
}
