using System.Diagnostics;
using FundManager.Api.Database;
using Npgsql;

namespace FundManager.Bench;

/// <summary>The benchmarks' own PostgreSQL server (default durability settings, as in production) and pgbench on it.</summary>
public static class BenchServer
{
    public static PrivatePostgres Server { get; } = new(DatabaseLocation.PrivateServerDirectory("bench-postgres"), log: Console.Error.WriteLine);

    /// <summary>A new, empty database on the bench server; an older one of the same name is dropped.</summary>
    public static async Task<string> FreshDatabaseAsync(string name)
    {
        var admin = await Server.EnsureStartedAsync("postgres");
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using (var drop = new NpgsqlCommand($"drop database if exists {name} with (force)", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await using (var create = new NpgsqlCommand($"create database {name}", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        return Server.ConnectionFor(name).ConnectionString;
    }

    /// <summary>Runs pgbench (TPC-B-like, the default script) with <paramref name="clients"/> clients for <paramref name="seconds"/>; returns tps.</summary>
    public static async Task<decimal> PgBenchAsync(string database, int clients, int seconds)
    {
        var output = await PgBenchRawAsync(database, ["-c", clients.ToString(), "-j", Math.Min(clients, 2).ToString(), "-T", seconds.ToString(), "-n"]);
        var line = output.Split('\n').First(l => l.StartsWith("tps = ", StringComparison.Ordinal));
        return decimal.Parse(line.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Task<string> PgBenchInitAsync(string database) => PgBenchRawAsync(database, ["-i", "-q"]);

    private static async Task<string> PgBenchRawAsync(string database, IReadOnlyList<string> arguments)
    {
        var c = Server.ConnectionFor(database);
        var info = new ProcessStartInfo(PostgresBinaries.Find().PgBench, ["-h", c.Host!, "-p", c.Port.ToString(), "-U", c.Username!, .. arguments, database])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["PGPASSWORD"] = c.Password;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pgbench failed: {await stderr}");
        }

        return await stdout + await stderr;
    }
}
