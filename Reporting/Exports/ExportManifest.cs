using System.Text.Json;
using System.Text.Json.Serialization;

namespace FundManager.Reporting.Exports;

/// <summary>
/// <c>manifest.json</c>, written last: what was exported (fund, dates, format, when), each file with its SHA-256 and rows,
/// how many entries and lines, where the exported stretch of the hash chain starts and ends, the fund's chain head when
/// the export was taken, and the trial balance's totals. <see cref="SkippedEntries"/> counts the entries numbered between
/// the first and the last exported but dated outside the export's dates (entries are numbered as they are posted, and a
/// posting may be dated earlier): the journal leaves them out, so the chain's links across them can be checked only
/// against the ledger itself. An export without dates skips nothing and is checked end to end. With it an auditor checks the files offline
/// (<c>fundmanager export verify</c>) and against the live ledger (<c>fundmanager ledger verify</c> prints the heads).
/// </summary>
public sealed record ExportManifest(
    string Schema,
    string Fund,
    DateOnly? From,
    DateOnly? To,
    DateTimeOffset GeneratedAt,
    string Format,
    IReadOnlyList<ExportedFile> Files,
    long Entries,
    long Lines,
    long SkippedEntries,
    FirstExportedEntry? FirstEntry,
    ChainPoint? LastEntry,
    ChainPoint ChainHead,
    TrialBalanceTotals TrialBalance)
{
    /// <summary>The manifest's own version; a reader refuses one it does not know.</summary>
    public const string CurrentSchema = "fundmanager-ledger-export-v1";

    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public void WriteTo(Stream output) => JsonSerializer.Serialize(output, this, Json);

    /// <summary>Reads a manifest; throws <see cref="JsonException"/> when it is not one.</summary>
    public static ExportManifest Read(Stream input) =>
        JsonSerializer.Deserialize<ExportManifest>(input, Json) ?? throw new JsonException("The manifest is empty.");
}
