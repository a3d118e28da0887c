using FundManager.Grants;
using FundManager.Ledger;
using FundManager.Persistence;
using FundManager.Tests.Infrastructure;

namespace FundManager.Tests.Cluster;

/// <summary>
/// Two silos, 32 approvals at once, half sent from each, on a fund that can afford only some of them: exactly the
/// affordable ones pass, whichever silo they came through, because one fund grain in the whole cluster checks them
/// one after the other against its balances.
/// </summary>
public sealed class TwoSiloApprovalTests
{
    [Fact]
    public async Task Exactly_the_affordable_approvals_succeed_across_two_silos()
    {
        var clock = new ManualClock(new DateTimeOffset(2025, 6, 30, 12, 0, 0, TimeSpan.Zero));
        await using var cluster = await TestCluster.StartAsync(await TestServer.CreateDatabaseAsync(), 2, clock);
        var s = new Scenario(cluster.System);
        var fund = await s.FundAsync();
        const decimal direct = 100_000m;
        var commitment = direct + decimal.Round(direct * 0.13m, 2);
        const decimal cash = 1_600_000m;
        var affordable = (int)Math.Floor(cash / (commitment * 1.15m));
        await s.CashAsync(fund, cash);
        var grants = new List<Guid>();
        for (var i = 0; i < 32; i++)
        {
            grants.Add(await s.RecommendedGrantAsync(fund, [direct]));
        }

        var silos = new[] { cluster.On(0), cluster.On(1) };
        var outcomes = await Task.WhenAll(grants.Select(async (grant, i) =>
        {
            try
            {
                await silos[i % 2].Grants.HandleAsync(new ApproveGrant(grant, new DateOnly(2025, 1, 15)), CommandContext.By($"approver-{i % 2}@test.org"));
                return "approved";
            }
            catch (RuleViolation e)
            {
                return e.Rule.ToString();
            }
        }));

        Assert.Equal(affordable, outcomes.Count(o => o == "approved"));
        Assert.All(outcomes.Where(o => o != "approved"), o => Assert.Equal(nameof(BusinessRule.InsufficientUncommittedFunds), o));
        var approved = 0;
        foreach (var id in grants)
        {
            approved += (await s.GrantAsync(id)).Status == GrantStatus.Approved ? 1 : 0;
        }

        Assert.Equal(affordable, approved);
        Assert.Equal(affordable * commitment, await s.BalanceAsync(fund, Account.OpenCommitments));
        Assert.True((await cluster.System.Ledger.VerifyAsync(fund)).Intact);
    }
}
