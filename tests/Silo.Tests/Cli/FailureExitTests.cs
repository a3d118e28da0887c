using FundManager.Tests.Infrastructure;
using Npgsql;

namespace FundManager.Tests.Cli;

/// <summary>
/// How the command line reports what went wrong: the program's own failure is not mistaken for an unavailable database
/// (exit 70 with a reference, not 3), and an unreachable database is exit 3.
/// </summary>
public sealed class FailureExitTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task An_event_of_a_type_the_program_does_not_know_is_its_own_failure_exit_70_with_a_reference()
    {
        var fund = await new Scenario(db.System).FundAsync();
        await using (var connection = await db.System.DataSource.OpenConnectionAsync())
        await using (var insert = new NpgsqlCommand(
            "insert into events (stream_id, version, type, data, actor, recorded_at, command_id) values (@stream, 2, 'FundMergedInTheFuture', '{}', 'test', now(), gen_random_uuid())",
            connection))
        {
            insert.Parameters.AddWithValue("stream", Entities.StreamId.For(fund).ToString());
            await insert.ExecuteNonQueryAsync();
        }

        var output = Path.Combine(Path.GetTempPath(), "fm-failure-" + Guid.NewGuid().ToString("N"));
        var run = await ProgramRunner.FundManagerAsync("report", "board", "--fund", fund.Value, "--year", "2026", "--out", output, "--database", db.ConnectionString);

        Assert.Equal(70, run.ExitCode);
        var reference = System.Text.RegularExpressions.Regex.Match(run.Stderr, @"reference ([0-9a-f]{12})\)").Groups[1].Value;
        Assert.NotEmpty(reference);
        Assert.Contains("Unknown stored event type 'FundMergedInTheFuture'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"[{reference}] System.InvalidOperationException", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("unavailable", run.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_database_that_cannot_be_reached_is_exit_3()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Host = "127.0.0.1", Port = 1, Timeout = 3 }.ConnectionString;

        var run = await ProgramRunner.FundManagerAsync("ledger", "verify", "--database", unreachable);

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("error: ", run.Stderr, StringComparison.Ordinal);
    }
}
