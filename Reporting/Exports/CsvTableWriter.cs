using System.Globalization;
using FundManager.Finance;

namespace FundManager.Reporting.Exports;

/// <summary>A table as one CSV file: a header row, then one record per row, every value in invariant culture.</summary>
internal sealed class CsvTableWriter : ITableWriter
{
    private readonly CsvWriter _csv;
    private readonly IReadOnlyList<TableColumn> _columns;
    private readonly string?[] _fields;

    public CsvTableWriter(Stream output, IReadOnlyList<TableColumn> columns)
    {
        _csv = new CsvWriter(output);
        _columns = columns;
        _fields = new string?[columns.Count];
        _csv.Record(columns.Select(c => c.Header).ToList());
    }

    public long Rows => _csv.Records - 1;

    public void Row(params object?[] values)
    {
        for (var i = 0; i < _fields.Length; i++)
        {
            _fields[i] = i < values.Length ? Format(values[i], _columns[i].Kind) : null;
        }

        _csv.Record(_fields);
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
