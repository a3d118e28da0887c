using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace FundManager.Reporting.Tests.Infrastructure;

/// <summary>Opens a workbook the way a reader would: its sheets by name, a cell's text or number (the cached value of a formula), and what the SDK's validator says.</summary>
public sealed class XlsxReader : IDisposable
{
    private readonly SpreadsheetDocument _document;

    public XlsxReader(Stream stream)
    {
        _document = SpreadsheetDocument.Open(stream, false);
    }

    public SpreadsheetDocument Document => _document;

    public IReadOnlyList<string> SheetNames => _document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    public WorksheetPart Part(string sheet) =>
        (WorksheetPart)_document.WorkbookPart!.GetPartById(_document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!);

    /// <summary>Every row of a sheet as (row number, cells by column letter).</summary>
    public IReadOnlyList<(uint Row, IReadOnlyDictionary<string, Cell> Cells)> Rows(string sheet) =>
        Part(sheet).Worksheet.Descendants<Row>().Select(r => (r.RowIndex!.Value, Cells(r))).ToList();

    /// <summary>A row's cells by column letter: a cell without a reference is the one after the cell before it.</summary>
    public static IReadOnlyDictionary<string, Cell> Cells(Row row)
    {
        var cells = new Dictionary<string, Cell>();
        var next = 1;
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { } reference ? ColumnNumber(new string(reference.TakeWhile(char.IsLetter).ToArray())) : next;
            cells[Excel.CellReference.Column(column)] = cell;
            next = column + 1;
        }

        return cells;
    }

    private static int ColumnNumber(string letters) => letters.Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1));

    public static string Text(Cell? cell) => cell is null ? "" : cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";

    public static decimal Number(Cell? cell) => decimal.Parse(cell!.CellValue!.Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The row whose first cell reads <paramref name="label"/> (the first such row).</summary>
    public IReadOnlyDictionary<string, Cell> RowLabelled(string sheet, string label) =>
        Rows(sheet).First(r => Text(r.Cells.GetValueOrDefault("A")).StartsWith(label, StringComparison.Ordinal)).Cells;

    public IReadOnlyList<string> ValidationErrors() =>
        new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(_document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();

    public void Dispose() => _document.Dispose();
}
