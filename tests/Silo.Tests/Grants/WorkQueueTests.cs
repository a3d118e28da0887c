using FundManager.Entities;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Persistence;
using FundManager.Tests.Infrastructure;

namespace FundManager.Tests.Grants;

/// <summary>
/// The step a grant waits for, kept in its listing so that work queues read only the grants waiting: followed through a
/// grant's life, and with the fund check its approver will see.
/// </summary>
public sealed class WorkQueueTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly Scenario _s = new(db.System);

    private static readonly DateOnly On = new(2025, 3, 1);

    [Fact]
    public async Task A_grant_waits_for_each_step_in_turn_and_the_queue_of_that_step_lists_it()
    {
        var fund = await _s.FundAsync();
        await _s.CashAsync(fund, 1_000_000m);
        var grant = Guid.NewGuid();
        await db.System.Grants.HandleAsync(new DraftGrant(fund.Value, Scenario.Plan([60_000m, 40_000m], [await _s.RecommendationAsync()]), grant), Scenario.As(Scenario.Officer));
        await ExpectAsync(fund, grant, GrantStep.Consent);

        await db.System.Grants.HandleAsync(new RecordConsent(grant, "NV-9", new DateOnly(2024, 10, 1)), Scenario.As(Scenario.Officer));
        await ExpectAsync(fund, grant, GrantStep.Submission);
        await db.System.Grants.HandleAsync(new SubmitGrant(grant, new DateOnly(2024, 10, 2)), Scenario.As(Scenario.Officer));
        await ExpectAsync(fund, grant, GrantStep.Review);
        await db.System.Grants.HandleAsync(new ReviewGrant(grant, new DateOnly(2024, 10, 3)), Scenario.As(Scenario.Officer));
        await ExpectAsync(fund, grant, GrantStep.Recommendation);
        await db.System.Grants.HandleAsync(new RecommendGrant(grant, "BoT-2024-2", new DateOnly(2024, 10, 10)), Scenario.As(Scenario.Officer));
        await ExpectAsync(fund, grant, GrantStep.Approval);
        await db.System.Grants.HandleAsync(new ApproveGrant(grant, new DateOnly(2024, 11, 1)), Scenario.As(Scenario.Approver));
        await ExpectAsync(fund, grant, GrantStep.TranchePreparation);
        Assert.Equal(1, (await _s.GrantAsync(grant)).TrancheToPrepare!.Number);

        await db.System.Grants.HandleAsync(new PrepareTranche(grant, 1, On), Scenario.As(Scenario.Officer));
        await ExpectAsync(fund, grant, GrantStep.TrancheApproval);
        await db.System.Grants.HandleAsync(new ApproveTranche(grant, 1, On), Scenario.As(Scenario.Approver));

        // Tranche 2 waits for the report on tranche 1: until it is accepted, nobody has anything to do.
        await ExpectAsync(fund, grant, null);
        await _s.AcceptedReportAsync(grant, 1);
        await ExpectAsync(fund, grant, GrantStep.TranchePreparation);
        Assert.Equal(2, (await _s.GrantAsync(grant)).TrancheToPrepare!.Number);
    }

    [Fact]
    public async Task The_approver_sees_what_is_left_after_the_commitment_or_the_payment_and_whether_the_fund_check_passes()
    {
        var fund = await _s.FundAsync(pscRate: 0.13m, reserveRate: 0.15m);
        await _s.CashAsync(fund, 200_000m);
        var grant = await _s.RecommendedGrantAsync(fund, [100_000m]);
        var funds = await db.System.Entities.LoadAsync<Fund, FundEvent>(StreamId.For(fund));

        // 100,000 plus 13% PSC is a commitment of 113,000; 200,000 ÷ 1.15 = 173,913.04 could be committed.
        var check = (await _s.GrantAsync(grant)).PendingCheck(funds)!;
        var position = new FundPosition(Money.Usd(200_000m), Money.Usd(0m), Money.Usd(0m), 0.15m);
        Assert.Equal(FundCheck.Commitment(Money.Usd(113_000m)), check);
        Assert.True(position.Allows(check));
        Assert.Equal(Money.Usd(60_913.04m), position.LeftAfter(check));
        var poorer = position with { Cash = Money.Usd(120_000m) };
        Assert.False(poorer.Allows(check));
        Assert.True(poorer.LeftAfter(check).Amount < 0m);

        await db.System.Grants.HandleAsync(new ApproveGrant(grant, new DateOnly(2024, 11, 1)), Scenario.As(Scenario.Approver));
        await db.System.Grants.HandleAsync(new PrepareTranche(grant, 1, On, 70_000m), Scenario.As(Scenario.Officer));
        var payment = (await _s.GrantAsync(grant)).PendingCheck(funds)!;
        Assert.Equal(FundCheck.Disbursement(Money.Usd(70_000m)), payment);
        Assert.Equal(Money.Usd(130_000m), position.LeftAfter(payment));
        Assert.False((position with { Cash = Money.Usd(69_999.99m) }).Allows(payment));
    }

    private async Task ExpectAsync(FundCode fund, Guid grant, GrantStep? step)
    {
        Assert.Equal(step, (await _s.GrantAsync(grant)).AwaitedStep);
        foreach (var each in Enum.GetValues<GrantStep>())
        {
            var queue = await db.System.Entities.ListingsAsync(new ListingQuery(EntityKind.Grant, 100) { Fund = fund, Awaiting = [each.ToString()] });
            Assert.Equal(each == step, queue.Any(l => l.Stream == StreamId.For(new GrantId(grant))));
        }
    }
}
