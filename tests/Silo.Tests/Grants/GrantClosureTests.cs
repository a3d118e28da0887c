using FundManager.Entities;
using FundManager.Grants;
using FundManager.Ledger;
using FundManager.Tests.Infrastructure;

namespace FundManager.Tests.Grants;

/// <summary>Budget revisions, completion, closure and cancellation, and the results a grant records.</summary>
public sealed class GrantClosureTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly Scenario _s = new(db.System);

    private static readonly DateOnly On = new(2025, 3, 1);

    private Task Revise(Guid grant, decimal[] perYear, string reason = "Revised work plan") =>
        db.System.Grants.HandleAsync(
            new ReviseGrantBudget(grant, perYear.Select((a, i) => new PlannedBudgetLine(2025 + i, a)).ToList(), perYear.Select((a, i) => new PlannedTranche(new DateOnly(2025 + i, 3, 1), a)).ToList(), reason, new DateOnly(2025, 6, 1)),
            Scenario.As(Scenario.Officer));

    [Fact]
    public async Task A_budget_increase_needs_uncommitted_funds_as_an_approval_does()
    {
        var fund = await _s.FundAsync();
        await _s.CashAsync(fund, 129_950m);
        var grant = await _s.ApprovedGrantAsync(fund, [100_000m]);

        var refusal = await Refusals.AssertRefusedAsync(BusinessRule.InsufficientUncommittedFunds, () => Revise(grant, [100_000.01m]));

        // 10,000 more direct is 11,300 more commitment, needing 12,995 more cash.
        await _s.CashAsync(fund, 12_995m);
        await Revise(grant, [110_000m]);
        Assert.Equal(124_300m, await _s.BalanceAsync(fund, Account.OpenCommitments));
        var history = await db.System.Entities.HistoryAsync(StreamId.For(new GrantId(grant)));
        Assert.Equal("Revised work plan", history[^1].Reason);
    }

    [Fact]
    public async Task A_budget_cannot_fall_below_what_was_disbursed_nor_change_a_paid_tranche()
    {
        var fund = await _s.FundAsync();
        await _s.CashAsync(fund, 1_000_000m);
        var grant = await _s.ApprovedGrantAsync(fund, [60_000m, 40_000m]);
        await _s.PayTrancheAsync(grant, 1, On);

        await Refusals.AssertRefusedAsync(BusinessRule.BudgetBelowDisbursed, () => Revise(grant, [50_000m]));
        await Refusals.AssertRefusedAsync(BusinessRule.PaidTrancheCannotChange, () => Revise(grant, [70_000m, 30_000m]));
        await Refusals.AssertRefusedAsync(BusinessRule.ReasonRequired, () => Revise(grant, [60_000m, 20_000m], " "));

        // A decrease of 20,000 direct releases 22,600 of commitment.
        await Revise(grant, [60_000m, 20_000m]);
        Assert.Equal(22_600m, await _s.BalanceAsync(fund, Account.OpenCommitments));
    }

    [Fact]
    public async Task Closing_releases_what_was_never_disbursed()
    {
        var fund = await _s.FundAsync();
        await _s.CashAsync(fund, 1_000_000m);
        var grant = await _s.ApprovedGrantAsync(fund, [60_000m, 40_000m]);
        await _s.PayTrancheAsync(grant, 1, On);
        await Refusals.AssertRefusedAsync(BusinessRule.IllegalTransition, () => db.System.Grants.HandleAsync(new CloseGrant(grant, new DateOnly(2026, 1, 1)), Scenario.As(Scenario.Approver)));

        await db.System.Grants.HandleAsync(new CompleteGrant(grant, new DateOnly(2025, 12, 31)), Scenario.As(Scenario.Officer));
        await db.System.Grants.HandleAsync(new CloseGrant(grant, new DateOnly(2026, 3, 31)), Scenario.As(Scenario.Approver));

        var g = await _s.GrantAsync(grant);
        Assert.Equal(GrantStatus.Closed, g.Status);
        Assert.Equal(Money.Usd(45_200m), g.Released);
        Assert.Equal(0m, await _s.BalanceAsync(fund, Account.OpenCommitments));
        Assert.Equal(940_000m, await _s.BalanceAsync(fund, Account.Cash));
    }

    [Fact]
    public async Task Completing_waits_for_a_pending_tranche_and_cancelling_releases_the_commitment()
    {
        var fund = await _s.FundAsync();
        await _s.CashAsync(fund, 1_000_000m);
        var grant = await _s.ApprovedGrantAsync(fund, [60_000m, 40_000m]);
        await _s.PayTrancheAsync(grant, 1, On);
        await _s.AcceptedReportAsync(grant, 1);
        await db.System.Grants.HandleAsync(new PrepareTranche(grant, 2, On), Scenario.As(Scenario.Officer));

        await Refusals.AssertRefusedAsync(BusinessRule.TranchePending, () => db.System.Grants.HandleAsync(new CompleteGrant(grant, new DateOnly(2025, 12, 31)), Scenario.As(Scenario.Officer)));
        await db.System.Grants.HandleAsync(new CancelGrant(grant, new DateOnly(2025, 9, 1), "Implementation suspended"), Scenario.As(Scenario.Approver));

        Assert.Equal(GrantStatus.Cancelled, (await _s.GrantAsync(grant)).Status);
        Assert.Equal(0m, await _s.BalanceAsync(fund, Account.OpenCommitments));
        await Refusals.AssertRefusedAsync(BusinessRule.GrantNotApproved, () => db.System.Grants.HandleAsync(new ApproveTranche(grant, 2, On), Scenario.As(Scenario.Approver)));
    }

    [Fact]
    public async Task Every_change_of_a_recommendations_status_is_kept()
    {
        var fund = await _s.FundAsync();
        await _s.CashAsync(fund, 1_000_000m);
        var grant = await _s.ApprovedGrantAsync(fund, [10_000m]);
        var recommendation = (await _s.GrantAsync(grant)).Details.Recommendations[0];

        await db.System.Grants.HandleAsync(new RecordRecommendationStatus(grant, recommendation, ImplementationStatus.InProgress, "Draft law tabled", new DateOnly(2025, 5, 1)), Scenario.As(Scenario.Officer));
        await db.System.Grants.HandleAsync(new RecordRecommendationStatus(grant, recommendation, ImplementationStatus.FullyImplemented, "Law adopted, Official Gazette 12/2025", new DateOnly(2025, 12, 1)), Scenario.As(Scenario.Officer));
        await Refusals.AssertRefusedAsync(BusinessRule.RecommendationNotServedByGrant, () => db.System.Grants.HandleAsync(
            new RecordRecommendationStatus(grant, "KEN-1", ImplementationStatus.InProgress, "n/a", new DateOnly(2025, 5, 1)), Scenario.As(Scenario.Officer)));

        var g = await _s.GrantAsync(grant);
        Assert.Equal([ImplementationStatus.InProgress, ImplementationStatus.FullyImplemented], g.RecommendationProgress.Select(p => p.Status).ToArray());
        Assert.Equal(ImplementationStatus.FullyImplemented, g.CurrentRecommendationStatus[recommendation]);
        Assert.Equal("Law adopted, Official Gazette 12/2025", g.RecommendationProgress[^1].Evidence);
    }
}
