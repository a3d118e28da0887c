using FundManager.Donors;
using FundManager.Funds;
using FundManager.Ledger;
using FundManager.Persistence;
using FundManager.Pledges;
using FundManager.Tests.Infrastructure;

namespace FundManager.Reporting.Tests.Figures;

/// <summary>
/// <c>stream_years</c> is refreshed off the postings' path, so it may lag the journal: the entries posted since its last
/// refresh are read as lines, and the activity is the same before a refresh, after it, and with postings in between. On
/// a database of its own, as this test posts.
/// </summary>
public sealed class StreamYearsRefreshTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly (DateOnly From, DateOnly To)[] Periods =
    [
        (new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)),
        (DateOnly.MinValue, new DateOnly(2025, 6, 30)),
        (new DateOnly(2024, 3, 1), new DateOnly(2026, 12, 31)),
        (DateOnly.MinValue, new DateOnly(2026, 12, 31)),
    ];

    [Fact]
    public async Task Activity_is_the_same_however_far_the_yearly_sums_lag_the_journal()
    {
        var (fund, pledge) = await FundWithPledgeAsync();
        await ReceiveAsync(pledge, "R-2024", new DateOnly(2024, 6, 30), 300m);
        await ReceiveAsync(pledge, "R-2025", new DateOnly(2025, 3, 31), 300m);
        await AssertSameAsEveryLineAsync(fund);

        Assert.True(await db.System.StreamYears.RefreshAsync(FundCode.Parse(fund)) >= 3, "the signing and two receipts are added");
        await AssertSameAsEveryLineAsync(fund);

        await ReceiveAsync(pledge, "R-2025-B", new DateOnly(2025, 9, 30), 200m);
        await AssertSameAsEveryLineAsync(fund);

        Assert.Equal(1, await db.System.StreamYears.RefreshAsync(FundCode.Parse(fund)));
        Assert.Equal(0, await db.System.StreamYears.RefreshAsync(FundCode.Parse(fund)));
        await AssertSameAsEveryLineAsync(fund);
    }

    private async Task AssertSameAsEveryLineAsync(string fund)
    {
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
