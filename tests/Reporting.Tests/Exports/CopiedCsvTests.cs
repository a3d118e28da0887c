using System.Globalization;
using FundManager.Funds;
using FundManager.Ledger;
using FundManager.Reporting.Exports;

namespace FundManager.Reporting.Tests.Exports;

/// <summary>
/// The CSV export's journal comes from PostgreSQL's COPY and its general ledger from the same lines as they stream past;
/// the XLSX export writes both through the table writers from the ledger's own queries. Both ways must give the same
/// bytes, which these tests check against the table writers' CSV.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class CopiedCsvTests(DemoFixture demo)
{
    [Theory]
    [InlineData("VFTC", null, null)]
    [InlineData("UPR-VFTA", null, null)]
    [InlineData("UPR-VFP", null, null)]
    [InlineData("VFTC", "2023-01-01", "2024-06-30")]
    [InlineData("UPR-VFTA", "2026-01-01", null)]
    [InlineData("UPR-VFP", null, "2023-12-31")]
    public async Task The_copied_journal_and_general_ledger_are_the_bytes_the_table_writers_give(string fund, string? from, string? to)
    {
        var request = new LedgerExportRequest(FundCode.Parse(fund), Day(from), Day(to), ExportFormat.Csv);
        using var export = await ExportFolder.WriteAsync(demo.System, fund, ExportFormat.Csv, request.From, request.To);

        var (journal, generalLedger) = await TableWritersCsvAsync(demo.System, request);

        Assert.True(journal.Length > 1_000, "the journal has lines to compare");
        Assert.Equal(journal, File.ReadAllBytes(export.File(LedgerExport.JournalCsv)));
        Assert.Equal(generalLedger, File.ReadAllBytes(export.File(LedgerExport.GeneralLedgerCsv)));
    }

    /// <summary>The journal and general ledger CSV as the table writers write them from the ledger's queries.</summary>
    internal static async Task<(byte[] Journal, byte[] GeneralLedger)> TableWritersCsvAsync(FundSystem system, LedgerExportRequest request)
    {
        var head = await system.Ledger.HeadAsync(request.Fund);
        using var target = new DirectoryTarget(ExportFolder.NewPath());
        var journal = new MemoryStream();
        using (var table = new CsvTableWriter(journal, JournalTable.Columns))
        {
            await JournalTable.WriteAsync(system, request, head, table, target, CancellationToken.None);
        }

        var generalLedger = new MemoryStream();
        using (var table = new CsvTableWriter(generalLedger, GeneralLedgerTable.Columns))
        {
            var prepared = await GeneralLedgerTable.PrepareAsync(system, request, head, CancellationToken.None);
            await GeneralLedgerTable.WriteAsync(request, prepared, table, target, CancellationToken.None);
        }

        return (journal.ToArray(), generalLedger.ToArray());
    }

    private static DateOnly? Day(string? text) => text is null ? null : DateOnly.Parse(text, CultureInfo.InvariantCulture);
}
