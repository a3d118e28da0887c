using FundManager.Grants;
using FundManager.Tests.Infrastructure;

namespace FundManager.Tests.Grants;

/// <summary>An indicator's latest reading comes from accepted reports only, the latest period by the day asked.</summary>
public sealed class IndicatorReadingTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task The_latest_reading_is_the_last_accepted_report_ending_by_the_day_asked()
    {
        var s = new Scenario(db.System);
        var fund = await s.FundAsync();
        await s.CashAsync(fund, 1_000_000m);
        var grant = await s.ApprovedGrantAsync(fund, [10_000m, 10_000m, 10_000m]);
        await db.System.Grants.HandleAsync(new DefineIndicator(grant, "Plans adopted", "plans", 0m, 10m), Scenario.As(Scenario.Officer));
        await s.PayTrancheAsync(grant, 1, new DateOnly(2025, 3, 1));
        await Report(grant, 1, new DateOnly(2025, 12, 31), 4m, accept: true);
        await s.PayTrancheAsync(grant, 2, new DateOnly(2026, 3, 1));
        await Report(grant, 2, new DateOnly(2026, 12, 31), 7m, accept: true);
        await s.PayTrancheAsync(grant, 3, new DateOnly(2027, 3, 1));
        await Report(grant, 3, new DateOnly(2027, 12, 31), 9m, accept: false);

        var g = await s.GrantAsync(grant);

        Assert.Null(g.LatestReading(1, new DateOnly(2025, 12, 30)));
        Assert.Equal(new IndicatorReading(4m, new DateOnly(2025, 12, 31)), g.LatestReading(1, new DateOnly(2026, 6, 30)));
        Assert.Equal(new IndicatorReading(7m, new DateOnly(2026, 12, 31)), g.LatestReading(1, new DateOnly(2030, 1, 1)));
        Assert.Null(g.LatestReading(2, new DateOnly(2030, 1, 1)));
    }

    private async Task Report(Guid grant, int tranche, DateOnly periodEnd, decimal value, bool accept)
    {
        await db.System.Grants.HandleAsync(
            new SubmitProgressReport(grant, new DateOnly(periodEnd.Year, 1, 1), periodEnd, tranche, "Progress.", [new IndicatorValue(1, value)], periodEnd.AddDays(15)),
            Scenario.As(Scenario.Officer));
        if (accept)
        {
            await db.System.Grants.HandleAsync(new AcceptProgressReport(grant, tranche, periodEnd.AddDays(20)), Scenario.As(Scenario.Approver));
        }
    }
}
