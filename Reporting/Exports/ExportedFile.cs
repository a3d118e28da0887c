using System.Text.Json.Serialization;

namespace FundManager.Reporting.Exports;

/// <summary>
/// A file of an export as the manifest lists it: its name, the SHA-256 of its bytes (lowercase hex), its size, and its
/// data rows (rows below the header; a workbook's over all its sheets). A CSV file names its <see cref="Table"/>; a
/// workbook lists its <see cref="Sheets"/>.
/// </summary>
public sealed record ExportedFile(
    string Name,
    string Sha256,
    long Bytes,
    long Rows,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Table = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ExportedSheet>? Sheets = null);
