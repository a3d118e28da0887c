using FundManager.Ledger;
using FundManager.Tests.Infrastructure;

namespace FundManager.Tests.Concurrency;

/// <summary>
/// Two processes approve 32 grants at the same instant on a fund that can afford only some of them:
/// exactly the affordable number pass, whichever process and order, and the ledger stays intact.
/// </summary>
public sealed class TwoProcessApprovalTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Exactly_the_affordable_approvals_succeed_across_two_processes()
    {
        var s = new Scenario(db.System);
        var fund = await s.FundAsync();
        const decimal direct = 100_000m;
        var commitment = direct + decimal.Round(direct * 0.13m, 2);
        var cashNeededEach = commitment * 1.15m;
        const decimal cash = 1_600_000m;
        var affordable = (int)Math.Floor(cash / cashNeededEach);
        await s.CashAsync(fund, cash);
        var grants = new List<Guid>();
        for (var i = 0; i < 32; i++)
        {
            grants.Add(await s.RecommendedGrantAsync(fund, [direct]));
        }

        var start = DateTimeOffset.UtcNow.AddSeconds(4).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var first = ProgramRunner.WorkerAsync([db.ConnectionString, "approver-a@test.org", start, .. grants.Take(16).Select(g => g.ToString())]);
        var second = ProgramRunner.WorkerAsync([db.ConnectionString, "approver-b@test.org", start, .. grants.Skip(16).Select(g => g.ToString())]);
        var outcomes = await Task.WhenAll(first, second);

        Assert.All(outcomes, o => Assert.Equal(0, o.ExitCode));
        var lines = outcomes.SelectMany(o => o.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(32, lines.Count);
        Assert.Equal(affordable, lines.Count(l => l.StartsWith("approved ", StringComparison.Ordinal)));
        Assert.All(lines.Where(l => l.StartsWith("refused ", StringComparison.Ordinal)), l => Assert.EndsWith(nameof(BusinessRule.InsufficientUncommittedFunds), l));

        var approvedInStore = 0;
        foreach (var id in grants)
        {
            approvedInStore += (await s.GrantAsync(id)).Status == global::FundManager.Grants.GrantStatus.Approved ? 1 : 0;
        }

        Assert.Equal(affordable, approvedInStore);
        Assert.Equal(affordable * commitment, await s.BalanceAsync(fund, Account.OpenCommitments));
        Assert.True(cash >= affordable * cashNeededEach);
        Assert.True(cash < (affordable + 1) * cashNeededEach);
        Assert.True((await db.System.Ledger.VerifyAsync(fund)).Intact);
    }
}
