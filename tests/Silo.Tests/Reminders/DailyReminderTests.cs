using FundManager.Api.Cluster;
using FundManager.Funds;
using FundManager.Reminders;
using FundManager.Tests.Infrastructure;
using Npgsql;

namespace FundManager.Tests.Reminders;

/// <summary>
/// A fund's daily reminder, on a test clock and a schedule of seconds: it fires and finds what is due; firing again on
/// the same business day creates nothing; a silo restart neither loses the reminder nor makes it run the day twice;
/// the next business day runs again and keeps what people acknowledged.
/// </summary>
public sealed class DailyReminderTests
{
    private static readonly ReminderSchedule EveryTwoSeconds = new() { Period = TimeSpan.FromSeconds(2), FirstRunUtc = null };

    [Fact]
    public async Task A_reminder_fires_on_the_test_clock_once_a_business_day_across_a_silo_restart()
    {
        var database = await TestServer.CreateDatabaseAsync();
        var clock = new ManualClock(new DateTimeOffset(2025, 6, 30, 12, 0, 0, TimeSpan.Zero));
        FundCode fund;
        string acknowledged;
        long postedBeforeReminders;
        await using (var first = await FundHost.OpenAsync(database, clock, reminders: EveryTwoSeconds))
        {
            await first.StartSiloAsync();
            var s = new Scenario(first.System);
            fund = await s.FundAsync();
            await s.SignedPledgeAsync(fund, "EUR", [(new DateOnly(2025, 6, 1), 10_000m), (new DateOnly(2025, 7, 15), 10_000m), (new DateOnly(2026, 3, 1), 10_000m)]);
            var reminders = Grain(first, fund);
            postedBeforeReminders = await ScalarAsync(database, "select count(*) from journal_entries");

            var runs = await WaitForRunsAsync(reminders, 1);
            Assert.Equal(new ReminderRuns(new DateOnly(2025, 6, 30), 1), runs);
            var items = await reminders.ItemsAsync();

            // Overdue and due within 30 days; the instalment of 2026 is not due yet. No EUR rate for June 2025 is recorded.
            Assert.Equal(2, items.Count(i => i.Kind == ReminderKind.Instalment));
            Assert.Contains(items, i => i.Kind == ReminderKind.Instalment && i.DueOn == new DateOnly(2025, 6, 1) && i.IsOverdueOn(new DateOnly(2025, 6, 30)));
            Assert.Contains(items, i => i.Kind == ReminderKind.ExchangeRate && i.Subject == "EUR");
            acknowledged = items[0].Id;
            Assert.True(await reminders.AcknowledgeAsync(acknowledged, Scenario.Officer));

            // Ticks later the same business day find the day done.
            await Task.Delay(EveryTwoSeconds.Period * 3);
            Assert.Equal(1, (await reminders.RunsAsync()).Runs);
        }

        Assert.Equal(1L, await ScalarAsync(database, "select count(*) from orleans_reminders where reminder_name = 'daily' and grain_id like '%/" + fund.Value + "'"));

        await using (var second = await FundHost.OpenAsync(database, clock, reminders: EveryTwoSeconds))
        {
            await second.StartSiloAsync();
            var reminders = Grain(second, fund);
            await Task.Delay(EveryTwoSeconds.Period * 3);
            var afterRestart = await reminders.RunsAsync();
            Assert.Equal(new ReminderRuns(new DateOnly(2025, 6, 30), 1), afterRestart);

            clock.Now = clock.Now.AddDays(1);
            Assert.Equal(new ReminderRuns(new DateOnly(2025, 7, 1), 2), await WaitForRunsAsync(reminders, 2));
            var items = await reminders.ItemsAsync();
            Assert.Equal(items.Count, items.Select(i => i.Id).Distinct().Count());
            Assert.Equal(ReminderStatus.Acknowledged, items.Single(i => i.Id == acknowledged).Status);
            Assert.Equal(Scenario.Officer, items.Single(i => i.Id == acknowledged).AcknowledgedBy);
        }

        // Reminders read; they never post.
        Assert.Equal(postedBeforeReminders, await ScalarAsync(database, "select count(*) from journal_entries"));
    }

    private static IFundRemindersGrain Grain(FundHost host, FundCode fund) =>
        ((IGrainFactory)host.Services!.GetService(typeof(IGrainFactory))!).GetGrain<IFundRemindersGrain>(fund.Value);

    private static async Task<ReminderRuns> WaitForRunsAsync(IFundRemindersGrain reminders, int runs)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var now = await reminders.RunsAsync();
            if (now.Runs >= runs || DateTime.UtcNow > deadline)
            {
                return now;
            }

            await Task.Delay(200);
        }
    }

    private static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
