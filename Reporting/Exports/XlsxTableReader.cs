using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FundManager.Reporting.Exports;

/// <summary>
/// Reads the tables of an exported workbook back as text, one row at a time (the SDK's forward-only reader: a sheet of a
/// million rows is never loaded whole). A cell reads as the text a CSV file would hold, except numbers, which read as
/// the number stored (dates as Excel's day count).
/// </summary>
internal sealed class XlsxTableReader : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly string[]? _shared;

    public XlsxTableReader(string path)
    {
        _document = SpreadsheetDocument.Open(path, false);
        var book = _document.WorkbookPart ?? throw new InvalidDataException("the file has no workbook");
        // Shared strings appear only if someone saved the file again; FundManager writes every text inline.
        _shared = book.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray();
    }

    /// <summary>The sheets in the workbook's order.</summary>
    public IReadOnlyList<string> SheetNames =>
        _document.WorkbookPart!.Workbook.Sheets?.Elements<Sheet>().Select(s => s.Name?.Value ?? "").ToList() ?? [];

    /// <summary>
    /// The rows of a sheet below its header: the first row whose cells read <paramref name="header"/> (the title rows above it
    /// are skipped). Throws <see cref="InvalidDataException"/> when no row is the header.
    /// </summary>
    public IEnumerable<string[]> Rows(string sheet, IReadOnlyList<string> header)
    {
        var book = _document.WorkbookPart!;
        var entry = book.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.Name?.Value == sheet) ?? throw new InvalidDataException($"there is no sheet {sheet}");
        var part = (WorksheetPart)book.GetPartById(entry.Id?.Value ?? "");
        using var reader = OpenXmlReader.Create(part);
        var found = false;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var cells = Read((Row)reader.LoadCurrentElement()!, header.Count);
            if (found)
            {
                yield return cells;
            }
            else if (cells.SequenceEqual(header))
            {
                found = true;
            }
        }

        if (!found)
        {
            throw new InvalidDataException($"sheet {sheet} has no row of headings {string.Join(", ", header)}");
        }
    }

    public void Dispose() => _document.Dispose();

    private string[] Read(Row row, int width)
    {
        var cells = new string[width];
        Array.Fill(cells, "");
        var position = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : position;
            position = column + 1;
            if (column < width)
            {
                cells[column] = Text(cell);
            }
        }

        return cells;
    }

    private string Text(Cell cell)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        if (type == CellValues.SharedString && _shared is not null
            && int.TryParse(cell.CellValue?.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < _shared.Length)
        {
            return _shared[index];
        }

        return cell.CellValue?.Text ?? "";
    }

    // "AB12" → 27 (zero-based).
    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return column - 1;
    }
}
