using System.Globalization;
using FundManager.Donors;
using FundManager.Funds;
using FundManager.Ledger;
using FundManager.Persistence;
using FundManager.Pledges;
using FundManager.Reporting.Exports;
using FundManager.Tests.Infrastructure;

namespace FundManager.Reporting.Tests.Exports;

/// <summary>
/// A receipt recorded after a pledge amendment but dated before it puts the receivable's lines out of date order in the
/// journal: the general ledger, made from the journal's lines in sequence order, must still list each account by entry
/// date, sequence and line, with running balances to match, in both formats. On a database of its own: the demo database
/// is shared and must not change.
/// </summary>
public sealed class BackDatedExportTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Lines_dated_back_are_listed_in_date_order_in_the_general_ledger()
    {
        var fund = await BackDatedReceiptFundAsync();
        var journal = await ExportFolder.EntriesAsync(db.System, fund);
        var receivable = journal.SelectMany(e => e.Lines.Where(l => l.Account == Account.ContributionsReceivable).Select(_ => e.Date)).ToList();
        Assert.NotEqual(receivable.Order(), receivable);

        using var export = await ExportFolder.WriteAsync(db.System, fund, ExportFormat.Csv);
        using var workbook = await ExportFolder.WriteAsync(db.System, fund, ExportFormat.Xlsx);
        var rows = export.Csv(LedgerExport.GeneralLedgerCsv).Skip(1).ToList();
        using (var book = new XlsxTableReader(workbook.File(LedgerExport.Workbook)))
        {
            var sheet = book.Rows(LedgerExport.GeneralLedgerSheet, GeneralLedgerTable.Columns.Select(c => c.Header).ToList())
                .Select(cells => OnePipelineTests.AsCsv(cells, GeneralLedgerTable.Columns));
            Assert.Equal(rows, sheet);
        }

        var receivableRows = rows.Where(r => r[0] == AccountInfo.Code(Account.ContributionsReceivable) && r[5] != GeneralLedgerTable.BroughtForward).ToList();
        Assert.Equal(receivable.Order(), receivableRows.Select(r => DateOnly.Parse(r[2], CultureInfo.InvariantCulture)));
        var balance = 0m;
        foreach (var row in receivableRows)
        {
            balance += decimal.Parse(row[6], CultureInfo.InvariantCulture) - decimal.Parse(row[7], CultureInfo.InvariantCulture);
            Assert.Equal(balance.ToString("F2", CultureInfo.InvariantCulture), row[8]);
        }

        Assert.Equal("intact", LedgerExportVerifier.Verify(export.Path).ToString());
        Assert.Equal("intact", LedgerExportVerifier.Verify(workbook.Path).ToString());
    }

    private async Task<string> BackDatedReceiptFundAsync()
    {
        var code = "B" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        // Each command gets its own id: a context is one command.
        static CommandContext User() => CommandContext.By("officer@test.org");
        await db.System.Funds.HandleAsync(new CreateFund(code, $"Test fund {code}"), CommandContext.By("admin@test.org"));
        var donor = Guid.NewGuid();
        await db.System.Donors.HandleAsync(new RegisterDonor("Back-dating donor", DonorType.Foundation, null, donor), User());
        var pledge = Guid.NewGuid();
        await db.System.Pledges.HandleAsync(
            new AnnouncePledge(donor, code, "USD", 1_000m, [new PlannedInstalment(new DateOnly(2025, 3, 31), 1_000m)], new DateOnly(2025, 1, 10), Id: pledge), User());
        await db.System.Pledges.HandleAsync(new SignPledge(pledge, new DateOnly(2025, 1, 15), "CA-1"), User());
        await db.System.Pledges.HandleAsync(
            new AmendPledge(pledge, [new PlannedInstalment(new DateOnly(2025, 3, 31), 1_500m, 1)], "Increase agreed", new DateOnly(2025, 2, 1)), User());
        await db.System.Pledges.HandleAsync(new RecordReceipt(pledge, "BANK-0120", ReceiptChannel.BankTransfer, new DateOnly(2025, 1, 20), 400m, "USD"), User());
        return code;
    }
}
