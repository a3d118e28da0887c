using FundManager.Api.Cluster;
using FundManager.Api.Demo;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Tests.Infrastructure;
using Npgsql;

namespace FundManager.Tests.Demo;

/// <summary>
/// The demo data set's command ids come from what each command is: equal commands have one id, any field changed gives
/// another, a data set holding one command twice is refused, and a load interrupted half-way, run again, ends with the
/// same ledger as a load that was never interrupted.
/// </summary>
public sealed class DemoDataSetTests
{
    private static readonly Guid Grant = DemoIds.For("grant", "test");

    [Fact]
    public void A_commands_id_is_its_type_and_fields()
    {
        var tranche = new PrepareTranche(Grant, 2, new DateOnly(2025, 3, 1));

        Assert.Equal(DemoCommand.IdOf(tranche), DemoCommand.IdOf(new PrepareTranche(Grant, 2, new DateOnly(2025, 3, 1))));
        Assert.NotEqual(DemoCommand.IdOf(tranche), DemoCommand.IdOf(tranche with { Number = 3 }));
        Assert.NotEqual(DemoCommand.IdOf(tranche), DemoCommand.IdOf(tranche with { Amount = 5_000m }));
        Assert.NotEqual(DemoCommand.IdOf(new ApproveTranche(Grant, 2, new DateOnly(2025, 3, 1))), DemoCommand.IdOf(tranche));
        Assert.Equal(
            DemoCommand.IdOf(new ReviseGrantBudget(Grant, [new PlannedBudgetLine(2025, 10m)], [new PlannedTranche(new DateOnly(2025, 3, 1), 10m)], "Why", new DateOnly(2025, 1, 1))),
            DemoCommand.IdOf(new ReviseGrantBudget(Grant, [new PlannedBudgetLine(2025, 10m)], [new PlannedTranche(new DateOnly(2025, 3, 1), 10m)], "Why", new DateOnly(2025, 1, 1))));
        Assert.NotEqual(
            DemoCommand.IdOf(new ReviseGrantBudget(Grant, [new PlannedBudgetLine(2025, 10m)], [], "Why", new DateOnly(2025, 1, 1))),
            DemoCommand.IdOf(new ReviseGrantBudget(Grant, [new PlannedBudgetLine(2025, 11m)], [], "Why", new DateOnly(2025, 1, 1))));
    }

    [Fact]
    public void A_data_set_holding_one_command_twice_is_a_mistake()
    {
        var commands = new DemoCommand();
        var first = commands.ContextFor(new CreateFund("VFTC", "Fund"), DemoUsers.Admin);

        Assert.Equal(DemoCommand.IdOf(new CreateFund("VFTC", "Fund")), first.Id);
        var twice = Assert.Throws<InvalidOperationException>(() => commands.ContextFor(new CreateFund("VFTC", "Fund"), DemoUsers.Admin));
        Assert.Contains("VFTC", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_load_interrupted_half_way_and_run_again_ends_as_an_uninterrupted_load()
    {
        var whole = await LoadAsync(interruptAt: null);
        var resumed = await LoadAsync(interruptAt: "Loading demo data: pledges and receipts ...");

        Assert.Equal(whole, resumed);
        Assert.Equal(3, whole.Heads.Split(';').Length);
    }

    private static async Task<(string Heads, long Commands, long Events)> LoadAsync(string? interruptAt)
    {
        var connection = await TestServer.CreateDatabaseAsync();
        await using var host = await FundHost.OpenAsync(connection, new ManualClock(new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero)));
        if (interruptAt is not null)
        {
            using var stop = new CancellationTokenSource();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                new DemoDataSet(host.System, step => { if (step == interruptAt) stop.Cancel(); }).LoadAsync(stop.Token));
        }

        Assert.True(await new DemoDataSet(host.System, _ => { }).LoadAsync());

        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            """
            select (select string_agg(fund_code || ' ' || last_seq || ' ' || encode(last_hash, 'hex'), ';' order by fund_code) from ledger_heads),
                   (select count(*) from commands), (select count(*) from events)
            """, db);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
