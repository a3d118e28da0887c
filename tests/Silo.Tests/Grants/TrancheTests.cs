using FundManager.Grants;
using FundManager.Ledger;
using FundManager.Tests.Infrastructure;

namespace FundManager.Tests.Grants;

/// <summary>Tranches: segregation of duties, order, progress reports, amounts, and what they post.</summary>
public sealed class TrancheTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly Scenario _s = new(db.System);

    private static readonly DateOnly On = new(2025, 3, 1);

    private Task Prepare(Guid grant, int number, decimal? amount = null, string user = Scenario.Officer) =>
        db.System.Grants.HandleAsync(new PrepareTranche(grant, number, On, amount), Scenario.As(user));

    private Task ApproveBy(Guid grant, int number, string user) =>
        db.System.Grants.HandleAsync(new ApproveTranche(grant, number, On), Scenario.As(user));

    private async Task<(global::FundManager.Funds.FundCode Fund, Guid Grant)> ApprovedAsync(params decimal[] perYear)
    {
        var fund = await _s.FundAsync();
        await _s.CashAsync(fund, 1_000_000m);
        return (fund, await _s.ApprovedGrantAsync(fund, perYear));
    }

    [Fact]
    public async Task The_preparer_can_neither_approve_nor_reject_their_own_tranche()
    {
        var (fund, grant) = await ApprovedAsync(60_000m, 40_000m);
        await Prepare(grant, 1);

        await Refusals.AssertRefusedAsync(BusinessRule.PreparerCannotApprove, () => ApproveBy(grant, 1, Scenario.Officer));
        await Refusals.AssertRefusedAsync(BusinessRule.PreparerCannotApprove, () => db.System.Grants.HandleAsync(new RejectTranche(grant, 1, On, "No"), Scenario.As(Scenario.Officer)));
        Assert.Equal(TrancheState.Prepared, (await _s.GrantAsync(grant)).Tranches[0].State);
        Assert.Equal(1_000_000m, await _s.BalanceAsync(fund, Account.Cash));

        await ApproveBy(grant, 1, Scenario.Approver);
        var tranche = (await _s.GrantAsync(grant)).Tranches[0];
        Assert.Equal(TrancheState.Paid, tranche.State);
        Assert.Equal(new UserId(Scenario.Officer), tranche.PreparedBy);
        Assert.Equal(new UserId(Scenario.Approver), tranche.ApprovedBy);
    }

    [Fact]
    public async Task Paying_a_tranche_posts_the_expense_and_PSC_and_reduces_the_commitment()
    {
        var (fund, grant) = await ApprovedAsync(60_000m, 40_000m);

        await _s.PayTrancheAsync(grant, 1, On);

        // 60,000.00 paid; PSC 13% = 7,800.00; commitment 113,000.00 − 67,800.00 = 45,200.00.
        Assert.Equal(940_000m, await _s.BalanceAsync(fund, Account.Cash));
        Assert.Equal(60_000m, await _s.BalanceAsync(fund, Account.GrantExpense));
        Assert.Equal(7_800m, await _s.BalanceAsync(fund, Account.PscExpense));
        Assert.Equal(-7_800m, await _s.BalanceAsync(fund, Account.PscPayable));
        Assert.Equal(45_200m, await _s.BalanceAsync(fund, Account.OpenCommitments));
        var g = await _s.GrantAsync(grant);
        Assert.Equal(GrantStatus.Active, g.Status);
        Assert.Equal(Money.Usd(45_200m), g.OpenCommitment);
    }

    [Fact]
    public async Task Tranches_go_in_order_and_each_after_the_first_needs_an_accepted_report()
    {
        var (_, grant) = await ApprovedAsync(60_000m, 40_000m);

        await Refusals.AssertRefusedAsync(BusinessRule.TrancheOutOfOrder, () => Prepare(grant, 2));
        await _s.PayTrancheAsync(grant, 1, On);
        await Refusals.AssertRefusedAsync(BusinessRule.ProgressReportNotAccepted, () => Prepare(grant, 2));

        await db.System.Grants.HandleAsync(new DefineIndicator(grant, "People trained", "people", 0m, 100m), Scenario.As(Scenario.Officer));
        await db.System.Grants.HandleAsync(new SubmitProgressReport(grant, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), 1, "Workshops", [new IndicatorValue(1, 40m)], new DateOnly(2026, 1, 5)), Scenario.As(Scenario.Officer));
        await db.System.Grants.HandleAsync(new ReturnProgressReport(grant, 1, new DateOnly(2026, 1, 10), "Add the attendance lists"), Scenario.As(Scenario.Approver));
        await Refusals.AssertRefusedAsync(BusinessRule.ProgressReportNotAccepted, () => Prepare(grant, 2));

        await db.System.Grants.HandleAsync(new SubmitProgressReport(grant, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), 1, "Workshops, with lists", [new IndicatorValue(1, 40m)], new DateOnly(2026, 1, 15), Resubmits: 1), Scenario.As(Scenario.Officer));
        await db.System.Grants.HandleAsync(new AcceptProgressReport(grant, 1, new DateOnly(2026, 1, 20)), Scenario.As(Scenario.Approver));
        await Prepare(grant, 2);

        var g = await _s.GrantAsync(grant);
        Assert.Equal(ProgressReportStatus.Accepted, Assert.Single(g.ProgressReports).Status);
        Assert.Equal(TrancheState.Prepared, g.Tranches[1].State);
    }

    [Fact]
    public async Task A_tranche_above_the_undisbursed_budget_is_refused()
    {
        var (_, grant) = await ApprovedAsync(60_000m, 40_000m);

        var refusal = await Refusals.AssertRefusedAsync(BusinessRule.TrancheExceedsUndisbursedCommitment, () => Prepare(grant, 1, 100_000.01m));
        Assert.Equal(TrancheState.Planned, (await _s.GrantAsync(grant)).Tranches[0].State);
    }

    [Fact]
    public async Task A_rejected_tranche_can_be_prepared_again()
    {
        var (_, grant) = await ApprovedAsync(60_000m);
        await Prepare(grant, 1, 61_000m - 1_000m);
        await db.System.Grants.HandleAsync(new RejectTranche(grant, 1, On, "Bank details missing"), Scenario.As(Scenario.Approver));

        Assert.Equal(TrancheState.Planned, (await _s.GrantAsync(grant)).Tranches[0].State);
        await Refusals.AssertRefusedAsync(BusinessRule.TrancheNotPrepared, () => ApproveBy(grant, 1, Scenario.Approver));
        await Prepare(grant, 1);
        await ApproveBy(grant, 1, Scenario.Approver);
        Assert.Equal(GrantStatus.Active, (await _s.GrantAsync(grant)).Status);
    }

    [Fact]
    public async Task Tranches_need_an_approved_grant()
    {
        var fund = await _s.FundAsync();
        var grant = await _s.RecommendedGrantAsync(fund, [10_000m]);
        await Refusals.AssertRefusedAsync(BusinessRule.GrantNotApproved, () => Prepare(grant, 1));
    }

    [Fact]
    public async Task The_last_tranche_takes_exactly_the_PSC_still_committed()
    {
        // 33,333.33 × 3 = 99,999.99 direct; PSC 12,999.9987 → 13,000.00 committed; 4,333.33 on each of the first two tranches.
        var (fund, grant) = await ApprovedAsync(33_333.33m, 33_333.33m, 33_333.33m);
        await _s.PayTrancheAsync(grant, 1, On);
        await _s.AcceptedReportAsync(grant, 1);
        await _s.PayTrancheAsync(grant, 2, On);
        await _s.AcceptedReportAsync(grant, 2);
        await _s.PayTrancheAsync(grant, 3, On);

        var g = await _s.GrantAsync(grant);
        Assert.Equal([4_333.33m, 4_333.33m, 4_333.34m], g.Tranches.Select(t => t.Psc!.Value.Amount).ToArray());
        Assert.Equal(Money.Usd(0m), g.OpenCommitment);
        Assert.Equal(0m, await _s.BalanceAsync(fund, Account.OpenCommitments));
        Assert.Equal(13_000m, await _s.BalanceAsync(fund, Account.PscExpense));
    }
}
