using System.Globalization;
using System.Xml;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FundManager.Common;

namespace FundManager.Api.Imports;

/// <summary>
/// The rows of an uploaded table, CSV or XLSX, told apart by the first bytes (a workbook is a zip). CSV goes through
/// CsvHelper (quoted fields, commas and line breaks inside them, a byte-order mark); a workbook's first worksheet through
/// the Open XML SDK's forward-only reader, a row at a time. ClosedXML 0.95.4, the only version served, needs the Open XML
/// SDK 2.x while the reports are written with 3.x, and one process loads one of them.
/// </summary>
public static class TableFile
{
    private const int MaxColumns = 16_384;
    private const int MaxRecordBytes = 1 << 20;

    // A worksheet or its shared strings past this (about 100,000 rows of long text) is refused rather than inflated.
    private const long MaxCharactersInPart = 64_000_000;
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>Reads every row; a file that is neither, or has more than <paramref name="maxRows"/> rows, is refused naming <paramref name="field"/>.</summary>
    public static async Task<IReadOnlyList<TableRow>> ReadAsync(Stream input, int maxRows, string field, CancellationToken ct)
    {
        var seekable = input.CanSeek ? input : await CopyAsync(input, ct);
        var start = new byte[ZipSignature.Length];
        var read = await seekable.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, ct);
        seekable.Position = 0;
        var rows = read == start.Length && start.SequenceEqual(ZipSignature)
            ? ReadWorkbook(seekable, maxRows, field)
            : await ReadCsvAsync(seekable, maxRows, field, ct);
        foreach (var row in rows)
        {
            if (row.Cells.Any(c => c.Contains('\0')))
            {
                throw RuleViolation.Of(BusinessRule.InvalidInput, $"Line {row.Line} holds a NUL character.", field, ("line", row.Line));
            }
        }

        return rows;
    }

    private static async Task<MemoryStream> CopyAsync(Stream input, CancellationToken ct)
    {
        var copy = new MemoryStream();
        await input.CopyToAsync(copy, ct);
        copy.Position = 0;
        return copy;
    }

    private static async Task<List<TableRow>> ReadCsvAsync(Stream stream, int maxRows, string field, CancellationToken ct)
    {
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            Separator = ',',
            MalformedData = CsvMalformedDataHandling.Throw,
            TrackLineNumbers = true,
            MaxRecordSize = MaxRecordBytes,
        };
        await using var reader = CsvReader.Create(stream, options, leaveOpen: true);
        var rows = new List<TableRow>();
        try
        {
            while (await reader.ReadAsync(ct))
            {
                Limit(rows, maxRows, field);
                var cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = reader.GetString(i);
                }

                rows.Add(new TableRow((int)reader.LineNumber, cells));
            }
        }
        catch (CsvFormatException e)
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, $"Line {e.LineNumber} is not well-formed CSV: {e.Message}", field, ("line", e.LineNumber));
        }

        return rows;
    }

    private static List<TableRow> ReadWorkbook(Stream stream, int maxRows, string field)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            var workbook = document.WorkbookPart ?? throw NotAWorkbook(field);
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw NotAWorkbook(field);
            var worksheet = (WorksheetPart)workbook.GetPartById(sheet.Id?.Value ?? throw NotAWorkbook(field));
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var rows = new List<TableRow>();
            using var reader = OpenXmlReader.Create(worksheet);
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                {
                    continue;
                }

                var row = (Row)reader.LoadCurrentElement()!;
                Limit(rows, maxRows, field);
                rows.Add(new TableRow((int)(row.RowIndex?.Value ?? (uint)rows.Count + 1), CellsOf(row, shared)));
            }

            return rows;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException or InvalidOperationException
            or KeyNotFoundException or ArgumentOutOfRangeException or FormatException)
        {
            throw NotAWorkbook(field);
        }
    }

    private static List<string> CellsOf(Row row, List<string> shared)
    {
        var cells = new List<string>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
            while (cells.Count < column)
            {
                cells.Add("");
            }

            cells.Add(TextOf(cell, shared));
        }

        return cells;
    }

    // A number is stored as the double it is; its shortest round-trip text can carry binary noise (0.92340000000000004),
    // so it is read back at the 15 significant digits a double holds.
    private static string TextOf(Cell cell, List<string> shared)
    {
        var text = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return shared[int.Parse(text, CultureInfo.InvariantCulture)];
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        if (cell.DataType is null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && Math.Abs(number) < 7.9e27)
        {
            return ((decimal)number).ToString(CultureInfo.InvariantCulture);
        }

        return text;
    }

    // A1 → 0, XFD1 → 16383 (the last column a worksheet has).
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            if (index > MaxColumns)
            {
                throw new FormatException($"The cell reference {reference} is past the last column.");
            }
        }

        return Math.Max(index - 1, 0);
    }

    private static void Limit(List<TableRow> rows, int maxRows, string field)
    {
        if (rows.Count >= maxRows)
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, $"At most {maxRows} rows per file.", field, ("maxRows", maxRows));
        }
    }

    private static RuleViolation NotAWorkbook(string field) =>
        RuleViolation.Of(BusinessRule.InvalidInput, "The file is neither CSV nor a readable XLSX workbook.", field);
}
