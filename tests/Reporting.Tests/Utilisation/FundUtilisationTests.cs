using FundManager.Funds;
using FundManager.Ledger;
using FundManager.Reporting.Figures;
using FundManager.Reporting.Utilisation;

namespace FundManager.Reporting.Tests.Utilisation;

/// <summary>On the demo funds, the attributions of every donor add up to what the ledger says the fund disbursed and charged, to the cent.</summary>
[Collection(DemoCollection.Name)]
public sealed class FundUtilisationTests(DemoFixture demo)
{
    [Theory]
    [InlineData("VFTC", 2023)]
    [InlineData("VFTC", 2025)]
    [InlineData("UPR-VFTA", 2024)]
    [InlineData("UPR-VFTA", 2026)]
    [InlineData("UPR-VFP", 2025)]
    public async Task Attributions_across_all_donors_sum_to_what_the_fund_disbursed_and_charged(string fund, int year)
    {
        var code = FundCode.Parse(fund);
        var utilisation = await new UtilisationBuilder(demo.System).BuildAsync(code, ReportPeriod.Year(year));
        var before = await demo.System.Ledger.TrialBalanceAsync(code, new DateOnly(year - 1, 12, 31));
        var after = await demo.System.Ledger.TrialBalanceAsync(code, new DateOnly(year, 12, 31));
        var spent = after.BalanceOf(Account.GrantExpense) + after.BalanceOf(Account.PscExpense) - before.BalanceOf(Account.GrantExpense) - before.BalanceOf(Account.PscExpense);

        Assert.True(spent > 0m);
        Assert.Equal(spent, utilisation.Attributions.Sum(a => a.Amount));
        Assert.Equal(after.BalanceOf(Account.PscExpense) - before.BalanceOf(Account.PscExpense),
            utilisation.Attributions.Where(a => a.Item.Kind == SpendingKind.ProgrammeSupportCost).Sum(a => a.Amount));
    }

    [Fact]
    public async Task Since_the_fund_began_every_dollar_spent_is_attributed_to_a_donor_who_gave()
    {
        var code = FundCode.Parse("UPR-VFTA");
        var utilisation = await new UtilisationBuilder(demo.System).BuildAsync(code, ReportPeriod.Cumulative(new DateOnly(2027, 12, 31)));
        var ledger = await demo.System.Ledger.TrialBalanceAsync(code);

        Assert.Equal(ledger.BalanceOf(Account.GrantExpense) + ledger.BalanceOf(Account.PscExpense), utilisation.Attributions.Sum(a => a.Amount));
        Assert.All(utilisation.Attributions.GroupBy(a => a.Donor), g => Assert.Contains(utilisation.Funds, f => f.Donor == g.Key && f.ToDate > 0m));
        Assert.Contains(utilisation.Attributions, a => a.Basis != UtilisationBasis.Unearmarked);
    }
}
