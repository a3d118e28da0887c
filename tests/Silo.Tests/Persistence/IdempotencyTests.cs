using FundManager.Ledger;
using FundManager.Persistence;
using FundManager.Pledges;
using FundManager.Tests.Infrastructure;

namespace FundManager.Tests.Persistence;

/// <summary>The same command id returns the first result and posts nothing; reused for another command, it is refused.</summary>
public sealed class IdempotencyTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Sending_a_command_again_returns_the_first_result_and_posts_nothing()
    {
        var s = new Scenario(db.System);
        var fund = await s.FundAsync();
        var pledge = await s.SignedPledgeAsync(fund, "USD", [(new DateOnly(2025, 1, 1), 5_000m)]);
        var context = Scenario.As(Scenario.Officer);
        var receipt = new RecordReceipt(pledge, "IDEM-1", ReceiptChannel.BankTransfer, new DateOnly(2025, 1, 2), 2_000m, "USD");

        var first = await db.System.Pledges.HandleAsync(receipt, context);
        var again = await db.System.Pledges.HandleAsync(receipt, context);

        Assert.False(first.Replayed);
        Assert.True(again.Replayed);
        Assert.Equal(first.Version, again.Version);
        Assert.Equal(2_000m, await s.BalanceAsync(fund, Account.Cash));

        var other = await Refusals.AssertRefusedAsync(BusinessRule.CommandIdReused, () => db.System.Pledges.HandleAsync(receipt with { Amount = 3_000m }, context));
        Assert.Equal(2_000m, await s.BalanceAsync(fund, Account.Cash));
    }

    [Fact]
    public async Task A_replayed_creation_does_not_create_twice()
    {
        var context = Scenario.As("admin@test.org");
        var command = new global::FundManager.Donors.RegisterDonor("Replayed donor", global::FundManager.Donors.DonorType.Foundation);

        var first = await db.System.Donors.HandleAsync(command, context);
        var again = await db.System.Donors.HandleAsync(command, context);

        Assert.Equal(first.Stream, again.Stream);
        Assert.True(again.Replayed);
        var donors = await db.System.Entities.AllAsync<global::FundManager.Donors.Donor, global::FundManager.Donors.DonorEvent>(global::FundManager.Entities.EntityKind.Donor);
        Assert.Single(donors, d => d.Name == "Replayed donor");
    }

    [Fact]
    public async Task Concurrent_receipts_on_one_pledge_lose_no_update()
    {
        var s = new Scenario(db.System);
        var fund = await s.FundAsync();
        var pledge = await s.SignedPledgeAsync(fund, "USD", [(new DateOnly(2025, 1, 1), 100_000m)]);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => db.System.Pledges.HandleAsync(
            new RecordReceipt(pledge, $"RACE-{i}", ReceiptChannel.BankTransfer, new DateOnly(2025, 1, 2), 1_000m, "USD"), Scenario.As(Scenario.Officer))));

        var p = await s.PledgeAsync(pledge);
        Assert.Equal(Money.Usd(20_000m), p.Paid);
        Assert.Equal(22, p.Version);
        Assert.Equal(20_000m, await s.BalanceAsync(fund, Account.Cash));
        Assert.True((await db.System.Ledger.VerifyAsync(fund)).Intact);
    }
}
