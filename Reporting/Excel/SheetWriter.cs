using System.Globalization;
using System.Xml;
using FundManager.Reporting.Charts;

namespace FundManager.Reporting.Excel;

/// <summary>
/// Writes one worksheet row by row straight into the file (SpreadsheetML through an <see cref="XmlWriter"/>; the Open XML
/// SDK's validator checks the result in the tests). Title lines, then the column headings (bold, shaded, frozen, with a
/// filter over the first table, repeated on printed pages), then rows; more tables may follow with their own headings.
/// Landscape, fitted to the page width. Charts are anchored below or beside the data and drawn from its cells.
/// </summary>
public sealed class SheetWriter : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly XlsxWorkbook _book;
    private readonly string _partName;
    private readonly int _index;
    private readonly int _columnCount;
    private readonly Stream _stream;
    private readonly XmlWriter _xml;
    private readonly List<(Chart Chart, ChartRanges Ranges, ChartAnchor Anchor)> _charts = [];
    private readonly long _headerRow;
    private long _filterEnd;
    private bool _filterClosed;

    internal SheetWriter(XlsxWorkbook book, Stream stream, string partName, string name, int index, IReadOnlyList<string> titles, IReadOnlyList<SheetColumn> columns)
    {
        _book = book;
        _partName = partName;
        _index = index;
        Name = name;
        _columnCount = columns.Count;
        _stream = stream;
        // Entitize writes a CR in text as &#xD;, which XML readers keep; written raw, every reader would turn it into LF, and
        // a text exported for an auditor (whose hash is recomputed from the cell) would no longer be the text stored.
        _xml = XmlWriter.Create(_stream, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), CheckCharacters = false, NewLineHandling = NewLineHandling.Entitize });
        _headerRow = titles.Count + 2;
        _filterEnd = _headerRow;

        _xml.WriteStartDocument(true);
        _xml.WriteStartElement("worksheet", Main);
        _xml.WriteAttributeString("xmlns", "r", null, Relationships);
        _xml.WriteStartElement("sheetPr", Main);
        _xml.WriteStartElement("pageSetUpPr", Main);
        _xml.WriteAttributeString("fitToPage", "1");
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        WriteFrozenView();
        _xml.WriteStartElement("cols", Main);
        for (var i = 0; i < columns.Count; i++)
        {
            _xml.WriteStartElement("col", Main);
            _xml.WriteAttributeString("min", Number(i + 1));
            _xml.WriteAttributeString("max", Number(i + 1));
            _xml.WriteAttributeString("width", columns[i].Width.ToString(CultureInfo.InvariantCulture));
            _xml.WriteAttributeString("customWidth", "1");
            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
        _xml.WriteStartElement("sheetData", Main);
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
        _xml.WriteStartElement("row", Main);
        _xml.WriteAttributeString("r", Number(CurrentRow));
        for (var i = 0; i < cells.Length; i++)
        {
            WriteCell(i + 1, cells[i]);
        }

        _xml.WriteEndElement();
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
        _xml.WriteEndElement(); // sheetData
        if (_filterEnd > _headerRow)
        {
            var filter = $"A{_headerRow}:{CellReference.Of(_columnCount, _filterEnd)}";
            _xml.WriteStartElement("autoFilter", Main);
            _xml.WriteAttributeString("ref", filter);
            _xml.WriteEndElement();
            _book.AddName("_xlnm._FilterDatabase", _index, $"'{Name.Replace("'", "''", StringComparison.Ordinal)}'!$A${_headerRow}:${CellReference.Column(_columnCount)}${_filterEnd}", hidden: true);
        }

        _xml.WriteStartElement("pageMargins", Main);
        foreach (var (margin, value) in new[] { ("left", "0.5"), ("right", "0.5"), ("top", "0.6"), ("bottom", "0.6"), ("header", "0.3"), ("footer", "0.3") })
        {
            _xml.WriteAttributeString(margin, value);
        }

        _xml.WriteEndElement();
        _xml.WriteStartElement("pageSetup", Main);
        _xml.WriteAttributeString("paperSize", "9");
        _xml.WriteAttributeString("orientation", "landscape");
        _xml.WriteAttributeString("fitToWidth", "1");
        _xml.WriteAttributeString("fitToHeight", "0");
        _xml.WriteEndElement();
        _xml.WriteStartElement("headerFooter", Main);
        _xml.WriteElementString("oddFooter", Main, "&L&A&RPage &P of &N");
        _xml.WriteEndElement();
        if (_charts.Count > 0)
        {
            _xml.WriteStartElement("drawing", Main);
            _xml.WriteAttributeString("id", Relationships, "rId1");
            _xml.WriteEndElement();
        }

        _xml.WriteEndElement(); // worksheet
        _xml.Dispose();
        _stream.Dispose();
        if (_charts.Count > 0)
        {
            var drawing = $"/xl/drawings/drawing{_book.NextDrawing()}.xml";
            _book.Package.Relationships(_partName, [("rId1", XlsxPackage.Relationship("drawing"), ".." + drawing[3..])]);
            XlsxCharts.Write(_book, drawing, _charts);
        }
    }

    private void WriteFrozenView()
    {
        _xml.WriteStartElement("sheetViews", Main);
        _xml.WriteStartElement("sheetView", Main);
        if (_index == 0)
        {
            _xml.WriteAttributeString("tabSelected", "1");
        }

        _xml.WriteAttributeString("workbookViewId", "0");
        _xml.WriteStartElement("pane", Main);
        _xml.WriteAttributeString("ySplit", Number(_headerRow));
        _xml.WriteAttributeString("topLeftCell", $"A{_headerRow + 1}");
        _xml.WriteAttributeString("activePane", "bottomLeft");
        _xml.WriteAttributeString("state", "frozen");
        _xml.WriteEndElement();
        _xml.WriteStartElement("selection", Main);
        _xml.WriteAttributeString("pane", "bottomLeft");
        _xml.WriteAttributeString("activeCell", $"A{_headerRow + 1}");
        _xml.WriteAttributeString("sqref", $"A{_headerRow + 1}");
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.WriteEndElement();
    }

    private void WriteCell(int column, Cell cell)
    {
        if (cell.Value is null && cell.Formula is null && cell.Style == CellStyle.Text)
        {
            return;
        }

        _xml.WriteStartElement("c", Main);
        _xml.WriteAttributeString("r", CellReference.Of(column, CurrentRow));
        if (cell.Style != CellStyle.Text)
        {
            _xml.WriteAttributeString("s", Number((int)cell.Style));
        }

        switch (cell.Value)
        {
            case string text when cell.Formula is null:
                _xml.WriteAttributeString("t", "inlineStr");
                _xml.WriteStartElement("is", Main);
                _xml.WriteStartElement("t", Main);
                _xml.WriteAttributeString("xml", "space", null, "preserve");
                _xml.WriteString(XmlText(text));
                _xml.WriteEndElement();
                _xml.WriteEndElement();
                break;
            case string text:
                _xml.WriteAttributeString("t", "str");
                _xml.WriteElementString("f", Main, cell.Formula);
                _xml.WriteElementString("v", Main, XmlText(text));
                break;
            default:
                if (cell.Formula is not null)
                {
                    _xml.WriteElementString("f", Main, cell.Formula);
                }

                if (NumericValue(cell.Value) is { } number)
                {
                    _xml.WriteElementString("v", Main, number);
                }

                break;
        }

        _xml.WriteEndElement();
    }

    private static string? NumericValue(object? value) => value switch
    {
        null => null,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        // Excel counts days from 30 December 1899.
        DateOnly date => (date.DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"A cell cannot hold a {value.GetType().Name}.", nameof(value)),
    };

    // XML 1.0 cannot carry most control characters; the domain refuses them on input, but exports must never break.
    private static string XmlText(string text) =>
        text.Any(c => c < 0x20 && c is not ('\t' or '\n' or '\r')) ? new string(text.Select(c => c < 0x20 && c is not ('\t' or '\n' or '\r') ? ' ' : c).ToArray()) : text;

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
