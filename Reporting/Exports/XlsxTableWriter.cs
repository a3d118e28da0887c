using FundManager.Finance;
using FundManager.Reporting.Excel;

namespace FundManager.Reporting.Exports;

/// <summary>
/// A table as sheets of a workbook: "Journal", then "Journal (2)", "Journal (3)", … once a sheet holds
/// <paramref name="rowsPerSheet"/> data rows (a sheet holds at most 1,048,576 rows in all). Each sheet repeats the titles
/// and the header, so each reads on its own.
/// </summary>
internal sealed class XlsxTableWriter(XlsxWorkbook book, string table, string name, IReadOnlyList<string> titles, IReadOnlyList<TableColumn> columns, int rowsPerSheet) : ITableWriter
{
    private readonly List<ExportedSheet> _finished = [];
    private readonly Cell[] _cells = new Cell[columns.Count];
    private SheetWriter? _sheet;
    private long _sheetRows;

    public long Rows => _finished.Sum(s => s.Rows) + _sheetRows;

    /// <summary>The sheets written, with their data rows; complete once the writer is disposed.</summary>
    public IReadOnlyList<ExportedSheet> Sheets => _finished;

    public void Row(params object?[] values) => Write(values, total: false);

    public void Total(params object?[] values) => Write(values, total: true);

    public void Dispose()
    {
        // A table with no rows still gets its sheet, headings and all, so every export has the same sheets.
        if (_sheet is null && _finished.Count == 0)
        {
            Sheet();
        }

        Close();
    }

    private void Write(object?[] values, bool total)
    {
        var sheet = Sheet();
        for (var i = 0; i < _cells.Length; i++)
        {
            _cells[i] = CellOf(i < values.Length ? values[i] : null, columns[i].Kind, total);
        }

        sheet.Row(_cells);
        _sheetRows++;
    }

    private SheetWriter Sheet()
    {
        if (_sheet is not null && _sheetRows >= rowsPerSheet)
        {
            Close();
        }

        if (_sheet is null)
        {
            var number = _finished.Count + 1;
            _sheet = book.AddSheet(number == 1 ? name : $"{name} ({number})", titles, columns.Select(c => new SheetColumn(c.Header, c.Width)).ToList());
            _sheetRows = 0;
        }

        return _sheet;
    }

    private void Close()
    {
        if (_sheet is null)
        {
            return;
        }

        _finished.Add(new ExportedSheet(_sheet.Name, table, _sheetRows));
        _sheet.Dispose();
        _sheet = null;
        _sheetRows = 0;
    }

    private static Cell CellOf(object? value, ColumnKind kind, bool total) => value switch
    {
        null => Cell.Empty,
        string text => new Cell(text, total ? CellStyle.TotalLabel : CellStyle.Text),
        long n => Cell.Integer(n),
        int n => Cell.Integer(n),
        DateOnly date => Cell.Date(date),
        decimal amount when kind == ColumnKind.Usd => new Cell(amount, total ? CellStyle.UsdTotal : CellStyle.Usd),
        decimal amount => new Cell(amount, CellStyle.Decimal),
        Money original => new Cell(original.Amount, XlsxStyles.AmountStyle(original.Currency.MinorUnits)),
        _ => throw new ArgumentException($"An export cell cannot hold a {value.GetType().Name}.", nameof(value)),
    };
}
