using Npgsql;

namespace FundManager.Tests.Infrastructure;

/// <summary>
/// Waits for a session of the test's database to wait on a lock the test holds: the sign that a writer has reached the
/// row the test locked, so that what the test sends next meets a transaction being committed, however fast the machine.
/// </summary>
public static class LockWaits
{
    public static async Task UntilAWriterWaitsAsync(string connectionString, string what)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var waiting = new NpgsqlCommand(
            "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'", connection);
        var giveUp = DateTime.UtcNow.AddSeconds(30);
        while ((long)(await waiting.ExecuteScalarAsync())! == 0)
        {
            Assert.True(DateTime.UtcNow < giveUp, $"{what} never waited on the row held.");
            await Task.Delay(20);
        }
    }
}
