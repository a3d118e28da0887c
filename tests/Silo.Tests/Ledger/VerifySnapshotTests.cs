using FundManager.Pledges;
using FundManager.Tests.Infrastructure;

namespace FundManager.Tests.Ledger;

/// <summary>
/// Verification reads the chain head, the entries and the balances in one snapshot, so postings made while it runs can
/// neither break it (a head ahead of the entries read) nor hide anything.
/// </summary>
public sealed class VerifySnapshotTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Verifying_while_receipts_are_posted_never_reports_a_false_break()
    {
        var s = new Scenario(db.System);
        var fund = await s.FundAsync();
        var pledge = await s.SignedPledgeAsync(fund, "EUR", [(new DateOnly(2026, 12, 31), 1_000_000m)]);
        var before = (await db.System.Ledger.VerifyAsync(fund)).Heads.Single().Sequence;
        using var stop = new CancellationTokenSource();
        var posted = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await db.System.Pledges.HandleAsync(
                    new RecordReceipt(pledge, "V-" + Guid.NewGuid(), ReceiptChannel.BankTransfer, new DateOnly(2025, 6, 1), 10m, "EUR"), Scenario.As(Scenario.Officer));
                posted++;
            }
        });

        var results = new List<string>();
        while (posted < 150)
        {
            results.Add((await db.System.Ledger.VerifyAsync(fund)).ToString());
        }

        await stop.CancelAsync();
        await writer;
        Assert.True(results.Count >= 5, $"only {results.Count} verifications ran alongside the postings");
        Assert.All(results, r => Assert.Equal("intact", r));
        Assert.Equal(before + posted, (await db.System.Ledger.VerifyAsync(fund)).Heads.Single().Sequence);
    }
}
