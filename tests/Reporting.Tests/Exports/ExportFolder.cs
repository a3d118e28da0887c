using System.Security.Cryptography;
using FundManager.Funds;
using FundManager.Ledger;
using FundManager.Reporting.Exports;

namespace FundManager.Reporting.Tests.Exports;

/// <summary>A ledger export written into a temporary directory (deleted afterwards), and what the tests read back from it.</summary>
public sealed class ExportFolder : IDisposable
{
    private ExportFolder(string path, ExportManifest manifest)
    {
        Path = path;
        Manifest = manifest;
    }

    public string Path { get; }

    public ExportManifest Manifest { get; }

    public static string NewPath() => System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fundmanager-export-{Guid.NewGuid():N}");

    public static async Task<ExportFolder> WriteAsync(FundSystem system, string fund, ExportFormat format, DateOnly? from = null, DateOnly? to = null, int? rowsPerSheet = null)
    {
        var path = NewPath();
        var request = new LedgerExportRequest(FundCode.Parse(fund), from, to, format);
        using var target = new DirectoryTarget(path);
        var manifest = rowsPerSheet is { } rows
            ? await LedgerExport.WriteAsync(system, request, target, rows, CancellationToken.None)
            : await LedgerExport.WriteAsync(system, request, target);
        target.Commit();
        return new ExportFolder(path, manifest);
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>A CSV file's records, the header first.</summary>
    public List<string[]> Csv(string name) => ReadCsv(File(name));

    public static List<string[]> ReadCsv(string path)
    {
        using var input = System.IO.File.OpenRead(path);
        using var reader = new CsvRecords(input);
        var records = new List<string[]>();
        while (reader.Read() is { } record)
        {
            records.Add(record);
        }

        return records;
    }

    /// <summary>Writes records over a CSV file, as someone editing an export would.</summary>
    public static void WriteCsv(string path, IEnumerable<string[]> records)
    {
        using var output = System.IO.File.Create(path);
        using var csv = Rfc4180.Writer(output, CsvHelper.CsvInjection.None);
        foreach (var record in records)
        {
            csv.WriteRecord(record);
        }
    }

    public string Sha256(string name) => Convert.ToHexStringLower(SHA256.HashData(System.IO.File.ReadAllBytes(File(name))));

    public XlsxReader Workbook() => new(new MemoryStream(System.IO.File.ReadAllBytes(File(LedgerExport.Workbook))));

    /// <summary>The ledger's own entries, read independently of the export.</summary>
    public static async Task<List<JournalEntry>> EntriesAsync(FundSystem system, string fund, DateOnly? from = null, DateOnly? to = null)
    {
        var entries = new List<JournalEntry>();
        await foreach (var entry in system.Ledger.EntriesAsync(FundCode.Parse(fund), from, to))
        {
            entries.Add(entry);
        }

        return entries;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
