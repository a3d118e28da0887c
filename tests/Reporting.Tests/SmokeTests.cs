namespace FundManager.Reporting.Tests;

[Collection(DemoCollection.Name)]
public sealed class SmokeTests(DemoFixture demo)
{
    [Fact]
    public async Task The_demo_fund_has_a_balanced_ledger_to_report_on()
    {
        var trial = await demo.System.Ledger.TrialBalanceAsync(Funds.FundCode.Parse("VFTC"));
        Assert.True(trial.Balances);
        Assert.NotEqual(0m, trial.TotalDebit);
    }
}
