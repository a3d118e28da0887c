using FundManager.Donors;
using FundManager.Funds;
using FundManager.Ledger;
using FundManager.Persistence;
using FundManager.Pledges;
using FundManager.Tests.Infrastructure;

namespace FundManager.Reporting.Tests.Figures;

/// <summary>
/// The sums of the journal (<see cref="JournalSums"/>) are refreshed off the postings' path, so they may lag the journal:
/// the entries posted since their last refresh are read as lines, and every reader says the same before a refresh, after
/// it, and with postings in between: the activity by stream, the trial balance, the balances a fund's grain starts from,
/// and the ledger's verification, which checks the stored balances against the journal. On a database of its own, as
/// this test posts.
/// </summary>
public sealed class JournalSumsRefreshTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly (DateOnly From, DateOnly To)[] Periods =
    [
        (new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)),
        (DateOnly.MinValue, new DateOnly(2025, 6, 30)),
        (new DateOnly(2024, 3, 1), new DateOnly(2026, 12, 31)),
        (DateOnly.MinValue, new DateOnly(2026, 12, 31)),
    ];

    [Fact]
    public async Task Every_reader_says_the_same_however_far_the_sums_lag_the_journal()
    {
        var (fund, pledge) = await FundWithPledgeAsync();
        await ReceiveAsync(pledge, "R-2024", new DateOnly(2024, 6, 30), 300m);
        await ReceiveAsync(pledge, "R-2025", new DateOnly(2025, 3, 31), 300m);
        await AssertSameAsEveryLineAsync(fund);

        Assert.True(await db.System.JournalSums.RefreshAsync(FundCode.Parse(fund)) >= 3, "the signing and two receipts are added");
        await AssertSameAsEveryLineAsync(fund);

        await ReceiveAsync(pledge, "R-2025-B", new DateOnly(2025, 9, 30), 200m);
        await AssertSameAsEveryLineAsync(fund);

        Assert.Equal(1, await db.System.JournalSums.RefreshAsync(FundCode.Parse(fund)));
        Assert.Equal(0, await db.System.JournalSums.RefreshAsync(FundCode.Parse(fund)));
        await AssertSameAsEveryLineAsync(fund);
    }

    [Fact]
    public async Task Verification_finds_a_stored_balance_that_differs_from_the_journal()
    {
        var (fund, pledge) = await FundWithPledgeAsync();
        await ReceiveAsync(pledge, "R-ALTERED", new DateOnly(2024, 6, 30), 300m);
        await db.System.JournalSums.RefreshAsync(FundCode.Parse(fund));
        await using (var alter = db.System.DataSource.CreateCommand("update account_balances set debit = debit + 1 where fund_code = $1 and account = 1000"))
        {
            alter.Parameters.Add(new() { Value = fund });
            Assert.Equal(1, await alter.ExecuteNonQueryAsync());
        }

        var verified = await db.System.Ledger.VerifyAsync(FundCode.Parse(fund));
        Assert.False(verified.Intact);
        Assert.Contains("stored balance of account 1000", verified.ToString(), StringComparison.Ordinal);
    }

    private async Task AssertSameAsEveryLineAsync(string fund)
    {
        var code = FundCode.Parse(fund);
        var fromLines = await db.System.Ledger.TrialBalanceAsync(code, null, long.MaxValue);
        Assert.Equal(fromLines.Rows, (await db.System.Ledger.TrialBalanceAsync(code)).Rows);
        var grainStart = (await new LedgerStore(db.System.DataSource).LoadAsync(code, CancellationToken.None))!;
        Assert.All(fromLines.Rows, row => Assert.Equal(row.Debit - row.Credit, grainStart.BalanceOf(row.Account)));
        var verified = await db.System.Ledger.VerifyAsync(code);
        Assert.True(verified.Intact, verified.ToString());

        foreach (var (from, to) in Periods)
        {
            var expected = await StreamActivityTests.FromEveryLineAsync(db.System, fund, from, to);
            var activity = await db.System.Ledger.StreamActivityAsync(FundCode.Parse(fund), from, to);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, activity.OrderBy(StreamActivityTests.Key, StringComparer.Ordinal).ToList());
        }
    }

    private async Task<(string Fund, Guid Pledge)> FundWithPledgeAsync()
    {
        var code = "S" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await db.System.Funds.HandleAsync(new CreateFund(code, $"Test fund {code}"), CommandContext.By("admin@test.org"));
        var donor = Guid.NewGuid();
        await db.System.Donors.HandleAsync(new RegisterDonor("Yearly sums donor", DonorType.Foundation, null, donor), CommandContext.By("officer@test.org"));
        var pledge = Guid.NewGuid();
        await db.System.Pledges.HandleAsync(
            new AnnouncePledge(donor, code, "USD", 1_000m, [new PlannedInstalment(new DateOnly(2024, 6, 30), 500m), new PlannedInstalment(new DateOnly(2025, 6, 30), 500m)],
                new DateOnly(2024, 1, 10), Id: pledge),
            CommandContext.By("officer@test.org"));
        await db.System.Pledges.HandleAsync(new SignPledge(pledge, new DateOnly(2024, 1, 15), "CA-1"), CommandContext.By("officer@test.org"));
        return (code, pledge);
    }

    private Task ReceiveAsync(Guid pledge, string reference, DateOnly on, decimal amount) =>
        db.System.Pledges.HandleAsync(new RecordReceipt(pledge, reference, ReceiptChannel.BankTransfer, on, amount, "USD"), CommandContext.By("officer@test.org"));
}
