using FundManager.Funds;
using FundManager.Ledger;
using FundManager.Reporting.Figures;

namespace FundManager.Reporting.Tests.Figures;

/// <summary>
/// Every figure the Board receives equals the ledger: each is checked against trial balances taken at the period's two
/// ends (a different query from the per-entity postings the figures are built from), to the cent.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class FundYearFiguresTests(DemoFixture demo)
{
    public static TheoryData<string, int> FundsAndYears() => new()
    {
        { "VFTC", 2023 }, { "VFTC", 2025 }, { "UPR-VFTA", 2024 }, { "UPR-VFTA", 2026 }, { "UPR-VFP", 2022 }, { "UPR-VFP", 2025 },
    };

    [Theory]
    [MemberData(nameof(FundsAndYears))]
    public async Task The_statement_of_income_and_expenditure_equals_the_ledger(string fund, int year)
    {
        var (figures, before, after) = await BuildAsync(fund, year);
        var s = figures.Statement;
        decimal Moved(Account a) => after.BalanceOf(a) - before.BalanceOf(a);
        static decimal NetAssets(TrialBalance t) => t.BalanceOf(Account.Cash) + t.BalanceOf(Account.ContributionsReceivable) + t.BalanceOf(Account.PscPayable);

        Assert.Equal(NetAssets(before), s.OpeningBalance);
        Assert.Equal(-Moved(Account.ContributionRevenue), s.Contributions);
        Assert.Equal(-Moved(Account.ExchangeGainsAndLosses), s.ExchangeDifferences);
        Assert.Equal(Moved(Account.GrantExpense), s.GrantExpenditure);
        Assert.Equal(Moved(Account.PscExpense), s.ProgrammeSupportCosts);
        Assert.Equal(Moved(Account.ContributionsWrittenOff), s.ContributionsWrittenOff);
        Assert.Equal(Moved(Account.BankCharges), s.BankCharges);
        Assert.Equal(NetAssets(after), s.ClosingBalance);
        Assert.Equal(s.OpeningBalance + s.Income - s.Expenditure, s.ClosingBalance);
        Assert.Equal(after.BalanceOf(Account.OpenCommitments), s.OpenCommitments);
        Assert.Equal(after.BalanceOf(Account.Cash), s.Cash);
        Assert.Equal(-after.BalanceOf(Account.PscPayable), s.PscPayable);
        Assert.Equal(s.Cash + s.ContributionsReceivable - s.PscPayable, s.ClosingBalance);
        Assert.True(s.Contributions != 0m || s.GrantExpenditure != 0m, "a year with nothing in it proves nothing");
    }

    [Theory]
    [MemberData(nameof(FundsAndYears))]
    public async Task Funds_available_for_new_grants_are_what_the_uncommitted_funds_rule_allows_to_the_cent(string fund, int year)
    {
        var (figures, _, _) = await BuildAsync(fund, year);
        var s = figures.Statement;
        var onePlusReserve = 1m + s.ReserveRate;

        Assert.Equal(s.AvailableCash, s.OpenCommitments + s.OperatingReserve + s.AvailableForNewGrants);
        Assert.True(s.AvailableForNewGrants >= 0m);
        // A fund can be over-committed as of a past day (commands are checked against balances when recorded, not as of
        // their business dates); then nothing is available and the reserve shows the shortfall.
        Assert.True((s.OpenCommitments + s.AvailableForNewGrants) * onePlusReserve <= s.AvailableCash || s.AvailableForNewGrants == 0m);
        if (s.AvailableForNewGrants > 0m)
        {
            Assert.True((s.OpenCommitments + s.AvailableForNewGrants + 0.01m) * onePlusReserve > s.AvailableCash);
        }
    }

    [Theory]
    [MemberData(nameof(FundsAndYears))]
    public async Task Donors_grants_disbursements_and_distributions_add_up_to_the_ledger(string fund, int year)
    {
        var (figures, before, after) = await BuildAsync(fund, year);
        var s = figures.Statement;
        var cashIn = 0m;
        await foreach (var entry in demo.System.Ledger.EntriesAsync(FundCode.Parse(fund), figures.Period.Start, figures.Period.End))
        {
            cashIn += entry.Lines.Where(l => l.Account == Account.Cash).Sum(l => l.Debit);
        }

        Assert.Equal(s.Contributions, figures.Contributions.Sum(c => c.Revenue));
        Assert.Equal(s.ExchangeDifferences, figures.Contributions.Sum(c => c.ExchangeDifferences));
        Assert.Equal(cashIn, figures.Contributions.Sum(c => c.ReceivedUsd));
        Assert.Equal(-after.BalanceOf(Account.ContributionRevenue), figures.CumulativeContributions.Sum(c => c.Revenue));
        Assert.Equal(s.GrantExpenditure, figures.Disbursements.Sum(d => d.Amount));
        Assert.Equal(s.ProgrammeSupportCosts, figures.Disbursements.Sum(d => d.Psc));
        Assert.Equal(s.GrantExpenditure, figures.Grants.Sum(g => g.DisbursedInPeriod));
        Assert.Equal(after.BalanceOf(Account.GrantExpense), figures.Grants.Sum(g => g.DisbursedToDate));
        foreach (var dimension in FundYearFigures.DistributionDimensions)
        {
            Assert.Equal(s.GrantExpenditure, figures.Distribution.Where(d => d.Dimension == dimension).Sum(d => d.Amount));
        }

        Assert.Equal(after.Rows, figures.TrialBalance.Rows);
        Assert.True(figures.TrialBalance.Balances);
        Assert.Equal(before.BalanceOf(Account.GrantExpense) + s.GrantExpenditure, after.BalanceOf(Account.GrantExpense));
    }

    [Theory]
    [MemberData(nameof(FundsAndYears))]
    public async Task Predictability_is_the_share_of_planned_tranches_covered_by_signed_instalments(string fund, int year)
    {
        var (figures, _, _) = await BuildAsync(fund, year);

        Assert.Equal(Enumerable.Range(year + 1, 4), figures.Predictability.Select(p => p.Year));
        foreach (var p in figures.Predictability)
        {
            var expected = p.PlannedTranches == 0m ? 1m : Math.Min(1m, decimal.Round(p.SignedInstalments / p.PlannedTranches, 4, MidpointRounding.ToZero));
            Assert.Equal(expected, p.Coverage);
        }

        // Cumulative by construction: what is due by a later year includes what is due by an earlier one.
        Assert.True(figures.Predictability.Zip(figures.Predictability.Skip(1)).All(x => x.First.PlannedTranches <= x.Second.PlannedTranches && x.First.SignedInstalments <= x.Second.SignedInstalments));
        Assert.All(figures.Pledges.Where(p => p.Status is not (Pledges.PledgeStatus.Cancelled or Pledges.PledgeStatus.WrittenOff)), p => Assert.Equal(p.Total - p.Paid, p.Outstanding));
        Assert.NotEmpty(figures.Pledges);
        Assert.All(figures.Pledges, p => Assert.True(p.Overdue <= p.Outstanding && p.Paid + p.Outstanding <= p.Total));
    }

    private async Task<(FundYearFigures Figures, TrialBalance Before, TrialBalance After)> BuildAsync(string fund, int year)
    {
        var code = FundCode.Parse(fund);
        var figures = await new FundYearBuilder(demo.System).BuildAsync(code, ReportPeriod.Year(year));
        return (figures, await demo.System.Ledger.TrialBalanceAsync(code, new DateOnly(year - 1, 12, 31)), await demo.System.Ledger.TrialBalanceAsync(code, new DateOnly(year, 12, 31)));
    }
}
