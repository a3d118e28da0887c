using FundManager.Grants;
using FundManager.Ledger;
using FundManager.Tests.Infrastructure;

namespace FundManager.Tests.Grants;

/// <summary>Approval: consent on file and the uncommitted-funds rule, cash ≥ (open + new commitment) × (1 + reserve).</summary>
public sealed class GrantApprovalTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly Scenario _s = new(db.System);

    private Task Approve(Guid grant) => db.System.Grants.HandleAsync(new ApproveGrant(grant, new DateOnly(2024, 11, 1)), Scenario.As(Scenario.Approver));

    [Fact]
    public async Task Approval_needs_the_consent_of_the_State_concerned()
    {
        var fund = await _s.FundAsync();
        await _s.CashAsync(fund, 1_000_000m);
        var grant = await _s.RecommendedGrantAsync(fund, [100_000m], consent: false);

        var refusal = await Refusals.AssertRefusedAsync(BusinessRule.ConsentRequired, () => Approve(grant));
        Assert.Equal(GrantStatus.Recommended, (await _s.GrantAsync(grant)).Status);
        Assert.Equal(0m, await _s.BalanceAsync(fund, Account.OpenCommitments));
    }

    [Theory]
    [InlineData("129950.00", true)]
    [InlineData("129949.99", false)]
    public async Task Approval_passes_exactly_when_cash_covers_commitments_and_the_reserve(string cash, bool approved)
    {
        // 100,000.00 direct + 13,000.00 PSC = 113,000.00; × 1.15 = 129,950.00 of cash needed.
        var fund = await _s.FundAsync();
        await _s.CashAsync(fund, decimal.Parse(cash, System.Globalization.CultureInfo.InvariantCulture));
        var grant = await _s.RecommendedGrantAsync(fund, [100_000m]);

        if (approved)
        {
            await Approve(grant);
            var g = await _s.GrantAsync(grant);
            Assert.Equal(GrantStatus.Approved, g.Status);
            Assert.Equal(Money.Usd(13_000m), g.CommittedPsc);
            Assert.Equal(113_000m, await _s.BalanceAsync(fund, Account.OpenCommitments));
            Assert.Equal(-113_000m, await _s.BalanceAsync(fund, Account.CommitmentsContra));
        }
        else
        {
            var refusal = await Refusals.AssertRefusedAsync(BusinessRule.InsufficientUncommittedFunds, () => Approve(grant));
            Assert.Equal(GrantStatus.Recommended, (await _s.GrantAsync(grant)).Status);
            Assert.Equal(0m, await _s.BalanceAsync(fund, Account.OpenCommitments));
        }
    }

    [Fact]
    public async Task Open_commitments_of_earlier_grants_count_against_a_new_one()
    {
        var fund = await _s.FundAsync();
        await _s.CashAsync(fund, 250_000m);
        await _s.ApprovedGrantAsync(fund, [100_000m]);
        var second = await _s.RecommendedGrantAsync(fund, [100_000m]);

        // (113,000 + 113,000) × 1.15 = 259,900 > 250,000.
        await Refusals.AssertRefusedAsync(BusinessRule.InsufficientUncommittedFunds, () => Approve(second));
        await _s.CashAsync(fund, 9_900m);
        await Approve(second);
        Assert.Equal(226_000m, await _s.BalanceAsync(fund, Account.OpenCommitments));
    }

    [Fact]
    public async Task A_grant_is_approved_only_after_the_Boards_recommendation()
    {
        var fund = await _s.FundAsync();
        await _s.CashAsync(fund, 1_000_000m);
        var id = Guid.NewGuid();
        var recommendation = await _s.RecommendationAsync();
        await db.System.Grants.HandleAsync(new DraftGrant(fund.Value, Scenario.Plan([50_000m], [recommendation]), id), Scenario.As(Scenario.Officer));
        await db.System.Grants.HandleAsync(new RecordConsent(id, "NV", new DateOnly(2024, 10, 1)), Scenario.As(Scenario.Officer));

        await Refusals.AssertRefusedAsync(BusinessRule.IllegalTransition, () => Approve(id));
        await Refusals.AssertRefusedAsync(BusinessRule.IllegalTransition, () => db.System.Grants.HandleAsync(new ReviewGrant(id, new DateOnly(2024, 10, 2)), Scenario.As(Scenario.Officer)));
        await db.System.Grants.HandleAsync(new SubmitGrant(id, new DateOnly(2024, 10, 2)), Scenario.As(Scenario.Officer));
        await db.System.Grants.HandleAsync(new ReviewGrant(id, new DateOnly(2024, 10, 3)), Scenario.As(Scenario.Officer));
        await db.System.Grants.HandleAsync(new RejectGrant(id, new DateOnly(2024, 10, 4), "Out of scope"), Scenario.As(Scenario.Approver));

        Assert.Equal(GrantStatus.Rejected, (await _s.GrantAsync(id)).Status);
        await Refusals.AssertRefusedAsync(BusinessRule.IllegalTransition, () => db.System.Grants.HandleAsync(new RecommendGrant(id, "BoT", new DateOnly(2024, 10, 5)), Scenario.As(Scenario.Officer)));
    }

    [Fact]
    public async Task A_stale_version_is_refused()
    {
        var fund = await _s.FundAsync();
        var grant = await _s.RecommendedGrantAsync(fund, [10_000m]);
        var version = (await _s.GrantAsync(grant)).Version;

        var stale = new global::FundManager.Persistence.CommandContext(CommandId.New(), new UserId(Scenario.Officer), version - 1);
        var refusal = await Refusals.AssertRefusedAsync(BusinessRule.VersionMismatch, () => db.System.Grants.HandleAsync(new CancelGrant(grant, new DateOnly(2024, 12, 1), "Stale"), stale));
        var current = new global::FundManager.Persistence.CommandContext(CommandId.New(), new UserId(Scenario.Officer), version);
        await db.System.Grants.HandleAsync(new CancelGrant(grant, new DateOnly(2024, 12, 1), "Current"), current);
        Assert.Equal(GrantStatus.Cancelled, (await _s.GrantAsync(grant)).Status);
    }
}
