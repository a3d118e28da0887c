using Npgsql;

namespace FundManager.Bench;

/// <summary>
/// The scale demo fund (<c>fundmanager demo --scale large</c>: 5,000 grants, about a million journal lines) in the bench
/// server's <c>bench_scale</c> database, created and loaded the first time and kept for later runs.
/// </summary>
public static class ScaleDemo
{
    public const string Fund = "UPR-SCALE";
    private const string Database = "bench_scale";

    /// <summary>The scale database on the bench server, created empty the first time and kept afterwards.</summary>
    public static async Task<string> DatabaseAsync()
    {
        var admin = await BenchServer.Server.EnsureStartedAsync("postgres");
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand($"select exists (select 1 from pg_database where datname = '{Database}')", connection);
        if (!(bool)(await exists.ExecuteScalarAsync())!)
        {
            await using var create = new NpgsqlCommand($"create database {Database}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return BenchServer.Server.ConnectionFor(Database).ConnectionString;
    }
}
