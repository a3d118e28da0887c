using System.Globalization;
using System.Security;
using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.VariantTypes;

namespace FundManager.Reporting.Excel;

/// <summary>
/// An .xlsx file written front to back through <see cref="XlsxPackage"/>: a sheet of a million rows costs no more
/// memory than a sheet of ten. Sheets are written one after the other (<see cref="AddSheet"/>, then dispose the
/// sheet); the workbook part, styles, document properties and defined names (print titles, filters) come last.
/// </summary>
public sealed class XlsxWorkbook : IDisposable
{
    private const string SheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    private readonly XlsxPackage _package;
    private readonly List<Sheet> _sheets = [];
    private readonly List<DefinedName> _names = [];
    private readonly DocumentInfo _info;
    private int _drawings;
    private int _charts;

    private XlsxWorkbook(Stream output, DocumentInfo info, bool compressAside)
    {
        _info = info;
        _package = new XlsxPackage(output, compressAside);
    }

    /// <param name="output">Where the workbook goes.</param>
    /// <param name="info">Its title, subject and properties.</param>
    /// <param name="compressAside">Compress on another thread; only when nothing else writes to <paramref name="output"/> meanwhile (see <see cref="XlsxPackage"/>).</param>
    public static XlsxWorkbook Create(Stream output, DocumentInfo info, bool compressAside = false) => new(output, info, compressAside);

    /// <summary>
    /// Starts the next sheet: title lines on top, then a blank row and the column headings, frozen and repeated on every
    /// printed page. Dispose the returned writer before starting another sheet.
    /// </summary>
    public SheetWriter AddSheet(string name, IReadOnlyList<string> titles, IReadOnlyList<SheetColumn> columns)
    {
        var index = _sheets.Count;
        _sheets.Add(new Sheet { Name = name, SheetId = (uint)index + 1, Id = $"rId{index + 1}" });
        var part = $"/xl/worksheets/sheet{index + 1}.xml";
        return new SheetWriter(this, _package.Create(part, SheetType), part, name, index, titles, columns);
    }

    internal XlsxPackage Package => _package;

    internal int NextDrawing() => ++_drawings;

    internal int NextChart() => ++_charts;

    internal void AddName(string name, int sheetIndex, string reference, bool hidden = false) =>
        _names.Add(new DefinedName(reference) { Name = name, LocalSheetId = (uint)sheetIndex, Hidden = hidden ? true : null });

    public void Dispose()
    {
        var workbook = new Workbook(
            new BookViews(new WorkbookView { ActiveTab = 0 }),
            new Sheets(_sheets),
            new DefinedNames(_names.OrderBy(n => n.LocalSheetId?.Value).ThenBy(n => n.Name?.Value, StringComparer.Ordinal)),
            new CalculationProperties { CalculationId = 191029, FullCalculationOnLoad = true });
        workbook.AddNamespaceDeclaration("r", XlsxPackage.RelationshipNamespace);
        _package.Write("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", workbook);
        _package.Write("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml", XlsxStyles.Create());
        _package.Relationships("/xl/workbook.xml",
        [
            .. _sheets.Select((s, i) => (s.Id!.Value!, XlsxPackage.Relationship("worksheet"), $"worksheets/sheet{i + 1}.xml")),
            ($"rId{_sheets.Count + 1}", XlsxPackage.Relationship("styles"), "styles.xml"),
        ]);
        WriteProperties();
        _package.Relationships("/",
        [
            ("rId1", XlsxPackage.Relationship("officeDocument"), "xl/workbook.xml"),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
            ("rId3", XlsxPackage.Relationship("extended-properties"), "docProps/app.xml"),
            ("rId4", XlsxPackage.Relationship("custom-properties"), "docProps/custom.xml"),
        ]);
        _package.Dispose();
    }

    private void WriteProperties()
    {
        var when = _info.Generated.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        using (var core = _package.Create("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"))
        using (var writer = new StreamWriter(core, new System.Text.UTF8Encoding(false)))
        {
            writer.Write($"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{SecurityElement.Escape(_info.Title)}</dc:title><dc:subject>{SecurityElement.Escape(_info.Subject)}</dc:subject><dc:creator>FundManager</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified></cp:coreProperties>
                """);
        }

        _package.Write("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml",
            new DocumentFormat.OpenXml.ExtendedProperties.Properties(new DocumentFormat.OpenXml.ExtendedProperties.Application("FundManager")));
        var pid = 2;
        _package.Write("/docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml",
            new Properties(_info.Properties.Select(p => new CustomDocumentProperty(new VTLPWSTR(p.Value))
            {
                FormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}",
                PropertyId = pid++,
                Name = p.Key,
            })));
    }
}
