using System.IO.Compression;
using System.Security;
using System.Text;
using DocumentFormat.OpenXml;

namespace FundManager.Reporting.Excel;

/// <summary>
/// The zip container of an .xlsx file, written front to back (<see cref="ZipArchiveMode.Create"/>): each part is
/// compressed into the output as it is written and then forgotten, so memory does not grow with the size of a sheet,
/// and the output may be a stream that cannot seek (an HTTP response). The Open XML SDK's packaging cannot do this
/// (it reads back what it wrote), so the few package parts — content types and relationships — are written here, and
/// every other part is the SDK's own element tree or SpreadsheetML streamed by <see cref="SheetWriter"/>.
/// </summary>
internal sealed class XlsxPackage : IDisposable
{
    public const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    private readonly ZipArchive _zip;
    private readonly List<(string Part, string ContentType)> _overrides = [];

    private readonly bool _compressAside;

    /// <param name="output">Where the file goes.</param>
    /// <param name="compressAside">
    /// Compress each part on another thread while the next rows are made (for an output only this package writes to,
    /// such as a file: a large sheet is then written in about half the time on a machine of two cores or more).
    /// </param>
    public XlsxPackage(Stream output, bool compressAside = false)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        _compressAside = compressAside && Environment.ProcessorCount > 1;
    }

    /// <summary>Opens a part for writing; only one part may be open at a time, and it must be disposed before the next.</summary>
    public Stream Create(string part, string contentType)
    {
        _overrides.Add((part, contentType));
        var entry = _zip.CreateEntry(part.TrimStart('/'), CompressionLevel.Fastest).Open();
        return _compressAside ? new BackgroundWriteStream(entry) : entry;
    }

    /// <summary>Writes a part from an Open XML SDK element tree.</summary>
    public void Write(string part, string contentType, OpenXmlElement root)
    {
        using var stream = Create(part, contentType);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
        writer.Write(root.OuterXml);
    }

    /// <summary>Writes a part's relationships (<c>xl/_rels/workbook.xml.rels</c> for <c>xl/workbook.xml</c>).</summary>
    public void Relationships(string part, IEnumerable<(string Id, string Type, string Target)> relationships)
    {
        var slash = part.LastIndexOf('/');
        var path = $"{part[..(slash + 1)]}_rels/{part[(slash + 1)..]}.rels";
        var xml = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"{PackageRelationships}\">");
        foreach (var (id, type, target) in relationships)
        {
            xml.Append($"<Relationship Id=\"{id}\" Type=\"{type}\" Target=\"{SecurityElement.Escape(target)}\"/>");
        }

        xml.Append("</Relationships>");
        using var stream = _zip.CreateEntry(path.TrimStart('/'), CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(xml.ToString()));
    }

    public void Dispose()
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">");
        xml.Append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>");
        foreach (var (part, type) in _overrides)
        {
            xml.Append($"<Override PartName=\"{part}\" ContentType=\"{type}\"/>");
        }

        xml.Append("</Types>");
        using (var stream = _zip.CreateEntry("[Content_Types].xml", CompressionLevel.Fastest).Open())
        {
            stream.Write(Encoding.UTF8.GetBytes(xml.ToString()));
        }

        _zip.Dispose();
    }

    public static string Relationship(string kind) => $"{RelationshipNamespace}/{kind}";
}
