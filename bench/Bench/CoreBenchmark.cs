using System.Diagnostics;
using System.Globalization;
using FundManager.Api.Cluster;
using FundManager.Common;
using FundManager.Donors;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Persistence;
using FundManager.Pledges;
using Npgsql;

namespace FundManager.Bench;

/// <summary>
/// Receipts and tranche approvals per second with 1, 8 and 32 concurrent writers on one fund, against
/// pgbench (TPC-B-like) on the same server with the same number of clients, each for the same duration.
/// Every posting goes through the full command path: the command to its entity's grain, the rules, the events, the
/// fund's grain with its check, hash chain and group commit, running balances. Twenty seconds of warm-up are not
/// measured: on two cores the JIT's second tier is still compiling after five. The two are measured in turns, five
/// seconds at a time, so that both meet the same moments of the machine: how long the disk takes to flush drifts by a
/// third over minutes here, and measured one after the other, the ratio of the same code ranged from 0.45 to 0.90.
/// </summary>
public static class CoreBenchmark
{
    private const int Rounds = 3;
    private const int SecondsPerRound = 5;
    /// <summary>Unmeasured seconds before each measurement, so that the figures are of code the JIT has finished with.</summary>
    internal const int WarmUpSeconds = 20;

    // BENCH_WRITERS=8 (or 1,8) runs only those counts.
    private static readonly int[] WriterCounts = (Environment.GetEnvironmentVariable("BENCH_WRITERS") ?? "1,8,32")
        .Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();

    public static async Task<int> RunAsync()
    {
        var results = new List<(int Writers, decimal Postings, decimal Tps, int Receipts, int Tranches)>();
        var pgbenchDb = "bench_pgbench";
        await BenchServer.FreshDatabaseAsync(pgbenchDb);
        await BenchServer.PgBenchInitAsync(pgbenchDb);
        foreach (var writers in WriterCounts)
        {
            var connection = await BenchServer.FreshDatabaseAsync("bench_core");
            await using var host = await FundHost.OpenAsync(connection);
            var system = host.System;
            var fund = await BenchWriter.SetUpFundAsync(system);
            var workers = new List<BenchWriter>();
            for (var w = 0; w < writers; w++)
            {
                workers.Add(await BenchWriter.CreateAsync(system, fund, w));
            }

            // A few seconds first, unmeasured, so that the figures are of code already compiled and grains already active.
            using (var warmUp = new CancellationTokenSource(TimeSpan.FromSeconds(WarmUpSeconds)))
            {
                await Task.WhenAll(workers.Select(w => w.RunAsync(warmUp.Token)));
            }

            workers.ForEach(w => w.ResetCounts());
            Console.Error.WriteLine($"  writers={writers}: measuring for {Rounds} rounds of {SecondsPerRound} s, each followed by pgbench for as long");
            var (posted, elapsed, pgbench, collections) = (0L, 0m, 0m, 0);
            for (var round = 0; round < Rounds; round++)
            {
                var before = await HeadAsync(system, fund);
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(SecondsPerRound));
                var (watch, collected) = (Stopwatch.StartNew(), GC.CollectionCount(0));
                await Task.WhenAll(workers.Select(w => w.RunAsync(stop.Token)));
                elapsed += (decimal)watch.Elapsed.TotalSeconds;
                collections += GC.CollectionCount(0) - collected;
                posted += await HeadAsync(system, fund) - before;
                pgbench += await BenchServer.PgBenchAsync(pgbenchDb, writers, SecondsPerRound) / Rounds;
            }

            var verified = await system.Ledger.VerifyAsync(fund);
            if (!verified.Intact)
            {
                throw new InvalidOperationException("The ledger does not verify after the run: " + verified);
            }

            results.Add((writers, posted / elapsed, pgbench, workers.Sum(w => w.Receipts), workers.Sum(w => w.Tranches)));
            Console.Error.WriteLine($"  writers={writers}: {workers.Sum(w => w.Receipts)} receipts, {workers.Sum(w => w.Tranches)} tranche approvals in {elapsed:F1} s, {collections} garbage collections; ledger intact");
        }

        foreach (var (writers, postings, tps, _, _) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"writers={writers} postings_per_s={postings:F1} pgbench_tps={tps:F1} ratio={postings / tps:F2}"));
        }

        return 0;
    }

    internal static async Task<long> HeadAsync(FundSystem system, FundCode fund)
    {
        await using var connection = await system.DataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("select last_seq from ledger_heads where fund_code = $1", connection);
        cmd.Parameters.Add(new() { Value = fund.Value });
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
