using FundManager.Pledges;
using FundManager.Tests.Infrastructure;

namespace FundManager.Tests.Pledges;

/// <summary>Earmarking: to a region, a country, an SDG target or one grant of the same fund, each checked.</summary>
public sealed class EarmarkTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly Scenario _s = new(db.System);

    private async Task<Pledge> Announce(global::FundManager.Funds.FundCode fund, EarmarkKind kind, string? target)
    {
        var id = Guid.NewGuid();
        await db.System.Pledges.HandleAsync(
            new AnnouncePledge(await _s.DonorAsync(), fund.Value, "USD", 10_000m, [new PlannedInstalment(new DateOnly(2025, 6, 30), 10_000m)], new DateOnly(2025, 1, 1), kind, target, id),
            Scenario.As(Scenario.Officer));
        return await _s.PledgeAsync(id);
    }

    [Fact]
    public async Task Earmarks_are_normalised_and_checked_against_reference_data_and_grants()
    {
        var fund = await _s.FundAsync();
        var grant = await _s.RecommendedGrantAsync(fund, [5_000m]);
        var otherFund = await _s.FundAsync();

        Assert.Equal(new Earmark(EarmarkKind.Region, "AsiaPacific"), (await Announce(fund, EarmarkKind.Region, "asiapacific")).Earmark);
        Assert.Equal(new Earmark(EarmarkKind.Country, "PRY"), (await Announce(fund, EarmarkKind.Country, "pry")).Earmark);
        Assert.Equal(new Earmark(EarmarkKind.SdgTarget, "16.a"), (await Announce(fund, EarmarkKind.SdgTarget, "16.A")).Earmark);
        Assert.Equal(new Earmark(EarmarkKind.Grant, grant.ToString("D")), (await Announce(fund, EarmarkKind.Grant, grant.ToString())).Earmark);

        foreach (var (f, kind, target) in new[] { (fund, EarmarkKind.Region, "Antarctica"), (fund, EarmarkKind.Country, "ZZZ"), (fund, EarmarkKind.SdgTarget, "16.12"), (otherFund, EarmarkKind.Grant, grant.ToString()), (fund, EarmarkKind.Grant, Guid.NewGuid().ToString()) })
        {
            var refusal = await Refusals.AssertRefusedAsync(BusinessRule.EarmarkTargetUnknown, () => Announce(f, kind, target));
        }

        await Refusals.AssertRefusedAsync(BusinessRule.InvalidInput, () => Announce(fund, EarmarkKind.Unearmarked, "PRY"));
    }
}
