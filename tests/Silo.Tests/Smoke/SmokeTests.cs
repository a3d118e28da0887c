using FundManager.Ledger;
using FundManager.Tests.Infrastructure;

namespace FundManager.Tests.Smoke;

public sealed class SmokeTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_paid_tranche_moves_cash_to_expense()
    {
        var s = new Scenario(db.System);
        var fund = await s.FundAsync();
        await s.CashAsync(fund, 1_000_000m);
        var grant = await s.ApprovedGrantAsync(fund, [100_000m, 50_000m]);
        await s.PayTrancheAsync(grant, 1, new DateOnly(2025, 3, 1));
        Assert.Equal(900_000m, await s.BalanceAsync(fund, Account.Cash));
        Assert.Equal(100_000m, await s.BalanceAsync(fund, Account.GrantExpense));
        Assert.True((await db.System.Ledger.VerifyAsync(fund)).Intact);
    }
}
