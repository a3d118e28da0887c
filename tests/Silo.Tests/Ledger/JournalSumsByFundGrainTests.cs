using FundManager.Donors;
using FundManager.Ledger;
using FundManager.Pledges;
using FundManager.Tests.Infrastructure;

namespace FundManager.Tests.Ledger;

/// <summary>
/// A fund's grain has its sums of the journal (<see cref="JournalSums"/>) refreshed once they lag its head by
/// <see cref="JournalSums.EntriesBetweenRefreshes"/> entries, so that a busy fund's readers never add up many
/// lines themselves, without any posting waiting for it.
/// </summary>
public sealed class JournalSumsByFundGrainTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly Scenario _s = new(db.System);

    [Fact]
    public async Task A_fund_whose_sums_lag_by_a_thousand_entries_has_them_refreshed_without_being_asked()
    {
        var fund = await _s.FundAsync();
        var donor = await _s.DonorAsync("Busy fund donor", DonorType.Foundation, null);
        var received = 0;
        async Task ReceiveAsync()
        {
            while (Interlocked.Increment(ref received) <= JournalSums.EntriesBetweenRefreshes)
            {
                await db.System.Pledges.HandleAsync(
                    new RecordUnpledgedReceipt(donor, fund.Value, $"BUSY-{Guid.NewGuid():N}", ReceiptChannel.BankTransfer, new DateOnly(2025, 3, 1), 10m, "USD"),
                    Scenario.As(Scenario.Officer));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ReceiveAsync()));
        var head = (await db.System.Ledger.HeadAsync(fund)).Sequence;
        Assert.True(head >= JournalSums.EntriesBetweenRefreshes, $"only {head} entries");

        // The refresh runs beside the postings: wait for it, then the sums hold at least the first thousand entries.
        var through = 0L;
        for (var waited = 0; waited < 100 && through < JournalSums.EntriesBetweenRefreshes; waited++)
        {
            await Task.Delay(100);
            await using var cmd = db.System.DataSource.CreateCommand("select coalesce((select last_seq from journal_sums_through where fund_code = $1), 0)");
            cmd.Parameters.Add(new() { Value = fund.Value });
            through = (long)(await cmd.ExecuteScalarAsync())!;
        }

        Assert.InRange(through, JournalSums.EntriesBetweenRefreshes, head);
        Assert.Equal(
            (await db.System.Ledger.TrialBalanceAsync(fund, null, long.MaxValue)).Rows,
            (await db.System.Ledger.TrialBalanceAsync(fund)).Rows);
    }
}
