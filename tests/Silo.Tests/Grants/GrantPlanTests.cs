using FundManager.Grants;
using FundManager.Tests.Infrastructure;

namespace FundManager.Tests.Grants;

/// <summary>What a grant must say before it can be drafted.</summary>
public sealed class GrantPlanTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly Scenario _s = new(db.System);

    private async Task AssertDraftRefused(BusinessRule rule, global::FundManager.Funds.FundCode fund, GrantPlan plan)
    {
        var id = Guid.NewGuid();
        await Refusals.AssertRefusedAsync(rule, () => db.System.Grants.HandleAsync(new DraftGrant(fund.Value, plan, id), Scenario.As(Scenario.Officer)));
        Assert.False((await _s.GrantAsync(id)).Exists);
    }

    [Fact]
    public async Task A_UPR_fund_grant_must_serve_a_registered_recommendation_made_to_its_State()
    {
        var fund = await _s.FundAsync(requiresUpr: true);
        var toParaguay = await _s.RecommendationAsync("PRY");
        var toKenya = await _s.RecommendationAsync("KEN");

        await AssertDraftRefused(BusinessRule.RecommendationRequired, fund, Scenario.Plan([1_000m], []));
        await AssertDraftRefused(BusinessRule.RecommendationUnknown, fund, Scenario.Plan([1_000m], ["PRY-nope"]));
        await AssertDraftRefused(BusinessRule.RecommendationConcernsAnotherState, fund, Scenario.Plan([1_000m], [toKenya]));

        var id = Guid.NewGuid();
        await db.System.Grants.HandleAsync(new DraftGrant(fund.Value, Scenario.Plan([1_000m], [toParaguay]), id), Scenario.As(Scenario.Officer));
        Assert.Equal([toParaguay], (await _s.GrantAsync(id)).Details.Recommendations);
    }

    [Fact]
    public async Task The_plan_must_be_consistent()
    {
        var fund = await _s.FundAsync();
        var plan = Scenario.Plan([10_000m, 20_000m], []);

        await AssertDraftRefused(BusinessRule.RegionDoesNotMatchCountry, fund, plan with { Region = OhchrRegion.Africa });
        await AssertDraftRefused(BusinessRule.UnknownCountry, fund, plan with { Country = "XXX" });
        await AssertDraftRefused(BusinessRule.UnknownSdgTarget, fund, plan with { SdgTargets = ["16.99"] });
        await AssertDraftRefused(BusinessRule.PeriodEndsBeforeStart, fund, plan with { End = new DateOnly(2024, 12, 31) });
        await AssertDraftRefused(BusinessRule.BudgetYearOutsidePeriod, fund, plan with { Budget = [new PlannedBudgetLine(2030, 30_000m)], Tranches = [new PlannedTranche(new DateOnly(2025, 3, 1), 30_000m)] });
        await AssertDraftRefused(BusinessRule.TrancheScheduleDoesNotSumToBudget, fund, plan with { Tranches = [new PlannedTranche(new DateOnly(2025, 3, 1), 29_999.99m)] });
        await AssertDraftRefused(BusinessRule.TrancheOutsidePeriod, fund, plan with { Tranches = [new PlannedTranche(new DateOnly(2027, 3, 1), 30_000m)] });
        await AssertDraftRefused(BusinessRule.AmountPrecisionExceedsCurrency, fund, plan with { Budget = [new PlannedBudgetLine(2025, 10_000.001m), new PlannedBudgetLine(2026, 20_000m)] });
        await AssertDraftRefused(BusinessRule.InvalidInput, fund, plan with { Title = "Title\u0007" });
        await AssertDraftRefused(BusinessRule.InvalidInput, fund, plan with { Title = new string('x', 301) });
    }
}
