using System.Globalization;
using FundManager.Reporting.Charts;

namespace FundManager.Reporting.Excel;

/// <summary>
/// Writes one worksheet row by row straight into the file: SpreadsheetML as UTF-8 bytes (<see cref="Utf8Markup"/>; the
/// Open XML SDK's validator checks the result in the tests). Title lines, then the column headings (bold, shaded,
/// frozen, with a filter over the first table, repeated on printed pages), then rows; more tables may follow with their
/// own headings. Landscape, fitted to the page width. Charts are anchored below or beside the data and drawn from its cells.
/// </summary>
public sealed class SheetWriter : IDisposable
{
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly XlsxWorkbook _book;
    private readonly string _partName;
    private readonly int _index;
    private readonly int _columnCount;
    private readonly Stream _stream;
    private readonly Utf8Markup _xml;
    private readonly List<(Chart Chart, ChartRanges Ranges, ChartAnchor Anchor)> _charts = [];
    private readonly long _headerRow;
    private long _filterEnd;
    private int _nextColumn;
    private bool _filterClosed;

    internal SheetWriter(XlsxWorkbook book, Stream stream, string partName, string name, int index, IReadOnlyList<string> titles, IReadOnlyList<SheetColumn> columns)
    {
        _book = book;
        _partName = partName;
        _index = index;
        Name = name;
        _columnCount = columns.Count;
        _stream = stream;
        _xml = new Utf8Markup(stream);
        _headerRow = titles.Count + 2;
        _filterEnd = _headerRow;

        _xml.Raw("""<?xml version="1.0" encoding="utf-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="""u8);
        _xml.Raw($"\"{Relationships}\">");
        _xml.Raw("""<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews><sheetView"""u8);
        if (index == 0)
        {
            _xml.Raw(""" tabSelected="1" """u8);
        }

        var top = $"A{_headerRow + 1}";
        _xml.Raw($""" workbookViewId="0"><pane ySplit="{_headerRow}" topLeftCell="{top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="{top}" sqref="{top}"/></sheetView></sheetViews><cols>""");
        for (var i = 0; i < columns.Count; i++)
        {
            _xml.Raw($"""<col min="{i + 1}" max="{i + 1}" width="{columns[i].Width.ToString(CultureInfo.InvariantCulture)}" customWidth="1"/>""");
        }

        _xml.Raw("</cols><sheetData>"u8);
        for (var i = 0; i < titles.Count; i++)
        {
            Row(new Cell(titles[i], i == 0 ? CellStyle.Title : CellStyle.Subtitle));
        }

        Row();
        Row(columns.Select(c => new Cell(c.Header, CellStyle.Header)).ToArray());
        book.AddName("_xlnm.Print_Titles", index, $"'{name.Replace("'", "''", StringComparison.Ordinal)}'!$1:${_headerRow}");
    }

    public string Name { get; }

    /// <summary>The number of the last row written (1-based).</summary>
    public long CurrentRow { get; private set; }

    /// <summary>Writes the next row and returns its number. The first table's filter grows with each row until <see cref="EndTable"/>.</summary>
    public long Row(params Cell[] cells)
    {
        CurrentRow++;
        _nextColumn = 1;
        _xml.Raw("<row r=\""u8);
        _xml.Number(CurrentRow);
        _xml.Raw("\">"u8);
        for (var i = 0; i < cells.Length; i++)
        {
            WriteCell(i + 1, cells[i]);
        }

        _xml.Raw("</row>"u8);
        if (!_filterClosed && CurrentRow > _headerRow)
        {
            _filterEnd = CurrentRow;
        }

        return CurrentRow;
    }

    /// <summary>Ends the first table (the filtered one); rows after it belong to later tables.</summary>
    public void EndTable() => _filterClosed = true;

    /// <summary>A later table: a blank row, a bold heading, and its column headings.</summary>
    public long Table(string heading, params string[] headers)
    {
        EndTable();
        Row();
        Row(new Cell(heading, CellStyle.Subtitle));
        return Row(headers.Select(h => new Cell(h, CellStyle.Header)).ToArray());
    }

    /// <summary>A SUM over rows <paramref name="first"/> to <paramref name="last"/> of a column, with its value computed here.</summary>
    public static Cell Sum(int column, long first, long last, decimal value, CellStyle style = CellStyle.UsdTotal) =>
        new(value, style, first > last ? "0" : $"SUM({CellReference.Of(column, first)}:{CellReference.Of(column, last)})");

    /// <summary>Anchors a chart drawn from this sheet's cells; it is written when the sheet is.</summary>
    public void AddChart(Chart chart, ChartRanges ranges, ChartAnchor anchor) => _charts.Add((chart, ranges, anchor));

    /// <summary>An absolute reference to a block of this sheet, for charts and names.</summary>
    public string Range(int column, long firstRow, int lastColumn, long lastRow) => CellReference.Range(Name, column, firstRow, lastColumn, lastRow);

    public void Dispose()
    {
        _xml.Raw("</sheetData>"u8);
        if (_filterEnd > _headerRow)
        {
            _xml.Raw($"""<autoFilter ref="A{_headerRow}:{CellReference.Of(_columnCount, _filterEnd)}"/>""");
            _book.AddName("_xlnm._FilterDatabase", _index, $"'{Name.Replace("'", "''", StringComparison.Ordinal)}'!$A${_headerRow}:${CellReference.Column(_columnCount)}${_filterEnd}", hidden: true);
        }

        _xml.Raw("""<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/><headerFooter><oddFooter>&amp;L&amp;A&amp;RPage &amp;P of &amp;N</oddFooter></headerFooter>"""u8);
        if (_charts.Count > 0)
        {
            _xml.Raw("""<drawing r:id="rId1"/>"""u8);
        }

        _xml.Raw("</worksheet>"u8);
        _xml.Dispose();
        _stream.Dispose();
        if (_charts.Count > 0)
        {
            var drawing = $"/xl/drawings/drawing{_book.NextDrawing()}.xml";
            _book.Package.Relationships(_partName, [("rId1", XlsxPackage.Relationship("drawing"), ".." + drawing[3..])]);
            XlsxCharts.Write(_book, drawing, _charts);
        }
    }

    private void WriteCell(int column, Cell cell)
    {
        if (cell.Value is null && cell.Formula is null && cell.Style == CellStyle.Text)
        {
            return;
        }

        _xml.Raw("<c"u8);

        // A cell that follows the one before it needs no reference (SpreadsheetML places it next); leaving it out keeps
        // a sheet of a million rows a good deal smaller and quicker to write and compress.
        if (column != _nextColumn)
        {
            _xml.Raw(" r=\""u8);
            _xml.Raw(CellReference.Of(column, CurrentRow));
            _xml.Raw("\""u8);
        }

        _nextColumn = column + 1;
        if (cell.Style != CellStyle.Text)
        {
            _xml.Raw(" s=\""u8);
            _xml.Number((long)cell.Style);
            _xml.Raw("\""u8);
        }

        switch (cell.Value)
        {
            case string text when cell.Formula is null:
                // Leading or trailing spaces, runs of spaces and line breaks are kept only when the text says so.
                _xml.Raw(text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains("  ", StringComparison.Ordinal) || text.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0)
                    ? " t=\"inlineStr\"><is><t xml:space=\"preserve\">"u8
                    : " t=\"inlineStr\"><is><t>"u8);
                _xml.Text(text);
                _xml.Raw("</t></is></c>"u8);
                return;
            case string text:
                _xml.Raw(" t=\"str\"><f>"u8);
                _xml.Text(cell.Formula);
                _xml.Raw("</f><v>"u8);
                _xml.Text(text);
                _xml.Raw("</v></c>"u8);
                return;
        }

        _xml.Raw(">"u8);
        if (cell.Formula is not null)
        {
            _xml.Raw("<f>"u8);
            _xml.Text(cell.Formula);
            _xml.Raw("</f>"u8);
        }

        switch (cell.Value)
        {
            case null:
                break;
            case decimal d:
                _xml.Raw("<v>"u8);
                _xml.Number(d);
                _xml.Raw("</v>"u8);
                break;
            case int or long:
                _xml.Raw("<v>"u8);
                _xml.Number(Convert.ToInt64(cell.Value, CultureInfo.InvariantCulture));
                _xml.Raw("</v>"u8);
                break;
            case double x:
                _xml.Raw("<v>"u8);
                _xml.Raw(x.ToString("R", CultureInfo.InvariantCulture));
                _xml.Raw("</v>"u8);
                break;
            case DateOnly date:
                // Excel counts days from 30 December 1899.
                _xml.Raw("<v>"u8);
                _xml.Number(date.DayNumber - ExcelEpoch);
                _xml.Raw("</v>"u8);
                break;
            default:
                throw new ArgumentException($"A cell cannot hold a {cell.Value.GetType().Name}.", nameof(cell));
        }

        _xml.Raw("</c>"u8);
    }

    private static readonly int ExcelEpoch = new DateOnly(1899, 12, 30).DayNumber;
}
