using FundManager.Donors;
using FundManager.Funds;
using FundManager.Persistence;
using FundManager.Pledges;
using FundManager.Reporting.Exports;
using FundManager.Tests.Infrastructure;

namespace FundManager.Reporting.Tests.Exports;

/// <summary>
/// A journal description holding a comma, quotes and a line break (a pledge amendment's reason, one of the few texts the
/// domain lets span lines) survives both formats byte for byte, so its entry's hash still recomputes. On a database of
/// its own: the demo database is shared and must not change.
/// </summary>
public sealed class AwkwardTextExportTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private const string Reason = "Donor's letter, 3 May: \"increase by 500, as agreed\"\r\nsecond line, and a\nbare line feed";

    [Theory]
    [InlineData(ExportFormat.Csv)]
    [InlineData(ExportFormat.Xlsx)]
    public async Task A_description_with_a_comma_quotes_and_line_breaks_round_trips_and_its_hash_recomputes(ExportFormat format)
    {
        var fund = await AmendedPledgeFundAsync();
        var stored = (await ExportFolder.EntriesAsync(db.System, fund)).Single(e => e.Description.EndsWith(Reason, StringComparison.Ordinal));

        using var export = await ExportFolder.WriteAsync(db.System, fund, format);

        var descriptions = format == ExportFormat.Csv
            ? export.Csv(LedgerExport.JournalCsv).Skip(1).Select(r => r[3])
            : JournalDescriptions(export);
        Assert.Contains(stored.Description, descriptions);
        Assert.Equal("intact", LedgerExportVerifier.Verify(export.Path).ToString());
    }

    private static IEnumerable<string> JournalDescriptions(ExportFolder export)
    {
        using var book = export.Workbook();
        return book.Rows(LedgerExport.JournalSheet).Select(r => XlsxReader.Text(r.Cells.GetValueOrDefault("D"))).ToList();
    }

    private async Task<string> AmendedPledgeFundAsync()
    {
        var code = "T" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        // Each command gets its own id: a context is one command.
        static CommandContext User() => CommandContext.By("officer@test.org");
        await db.System.Funds.HandleAsync(new CreateFund(code, $"Test fund {code}"), CommandContext.By("admin@test.org"));
        var donor = Guid.NewGuid();
        await db.System.Donors.HandleAsync(new RegisterDonor("Awkward, \"quoted\" donor", DonorType.Foundation, null, donor), User());
        var pledge = Guid.NewGuid();
        await db.System.Pledges.HandleAsync(
            new AnnouncePledge(donor, code, "USD", 1_000m, [new PlannedInstalment(new DateOnly(2025, 3, 31), 1_000m)], new DateOnly(2025, 1, 10), Id: pledge), User());
        await db.System.Pledges.HandleAsync(new SignPledge(pledge, new DateOnly(2025, 1, 15), "CA-1"), User());
        await db.System.Pledges.HandleAsync(new AmendPledge(pledge, [new PlannedInstalment(new DateOnly(2025, 3, 31), 1_500m, 1)], Reason, new DateOnly(2025, 2, 1)), User());
        return code;
    }
}
