using System.Globalization;
using FundManager.Finance;

namespace FundManager.Reporting.Exports;

/// <summary>A table as one CSV file: a header row, then one record per row, every value in invariant culture.</summary>
internal sealed class CsvTableWriter : ITableWriter
{
    private readonly CsvWriter _csv;
    private readonly IReadOnlyList<TableColumn> _columns;

    public CsvTableWriter(Stream output, IReadOnlyList<TableColumn> columns)
        : this(new CsvWriter(output), columns)
    {
    }

    public CsvTableWriter(CsvWriter csv, IReadOnlyList<TableColumn> columns)
    {
        _csv = csv;
        _columns = columns;
        _csv.Record(columns.Select(c => c.Header).ToList());
    }

    /// <summary>The CSV underneath, for rows written field by field where boxing each value would cost too much.</summary>
    public CsvWriter Csv => _csv;

    public long Rows => _csv.Records - 1;

    public void Row(params object?[] values)
    {
        for (var i = 0; i < _columns.Count; i++)
        {
            var kind = _columns[i].Kind;
            switch (i < values.Length ? values[i] : null)
            {
                case long n:
                    _csv.Integer(n);
                    break;
                case int n:
                    _csv.Integer(n);
                    break;
                case DateOnly date:
                    _csv.Date(date);
                    break;
                case Money original:
                    _csv.Fixed(original.Amount, 4);
                    break;
                case decimal amount:
                    _csv.Fixed(amount, kind == ColumnKind.Amount ? (byte)4 : (byte)2);
                    break;
                case var other:
                    _csv.Text(Format(other, kind));
                    break;
            }
        }

        _csv.EndRecord();
    }

    public void Total(params object?[] values) => Row(values);

    public void Dispose() => _csv.Dispose();

    /// <summary>How a value of a column reads in CSV; the journal's amounts take the hash chain's formats (F2, F4).</summary>
    public static string? Format(object? value, ColumnKind kind) => value switch
    {
        null => null,
        string text => text,
        long n => n.ToString(CultureInfo.InvariantCulture),
        int n => n.ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Money original => original.Amount.ToString("F4", CultureInfo.InvariantCulture),
        decimal amount when kind == ColumnKind.Amount => amount.ToString("F4", CultureInfo.InvariantCulture),
        decimal amount => amount.ToString("F2", CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"An export cell cannot hold a {value.GetType().Name}.", nameof(value)),
    };
}
