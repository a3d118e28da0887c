using System.Diagnostics;
using System.Globalization;
using FundManager.Api.Cluster;
using FundManager.Common;
using FundManager.Funds;
using FundManager.Persistence;
using FundManager.Pledges;
using FundManager.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FundManager.Bench;

/// <summary>
/// Postings per second through one silo process, then through two on the same machine and database, 8 writers sending
/// as one client of the cluster (through both silos' gateways; the pledges' and grants' grains are placed beside their
/// fund's, the donors' on either silo); then the silo that holds the fund's grain is
/// killed while the writers run. Failover is the time from the kill until a receipt sent after it (which needs the fund's
/// grain) is answered by the survivor; afterwards every posting a writer had answered is counted once in the ledger.
/// </summary>
public static class ClusterBenchmark
{
    private const int Writers = 8;
    private const int Seconds = 15;

    public static async Task<int> RunAsync()
    {
        var one = await MeasureAsync(silos: 1, killFundSilo: false);
        var two = await MeasureAsync(silos: 2, killFundSilo: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cluster silos=1 postings_per_s={one.Postings:F1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cluster silos=2 postings_per_s={two.Postings:F1} ratio={two.Postings / one.Postings:F2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cluster failover_s={two.Failover:F1} lost={two.Lost} doubled={two.Doubled}"));
        return 0;
    }

    private static async Task<(decimal Postings, double Failover, long Lost, long Doubled)> MeasureAsync(int silos, bool killFundSilo)
    {
        var database = await BenchServer.FreshDatabaseAsync($"bench_cluster_{silos}");
        await using (var dataSource = FundSystem.CreateDataSource(database))
        {
            await FundSystem.PrepareDatabaseAsync(dataSource, Api.Database.DatabaseSchema.Migrations);
        }

        var processes = new List<SiloProcess>();
        try
        {
            for (var i = 0; i < silos; i++)
            {
                processes.Add(await SiloProcess.StartAsync(database));
            }

            await using var client = await FundHost.OpenAsync(database);
            var system = client.System;
            var fund = await BenchWriter.SetUpFundAsync(system);
            var writers = new List<BenchWriter>();
            for (var w = 0; w < Writers; w++)
            {
                writers.Add(await BenchWriter.CreateAsync(system, fund, w));
            }

            using (var warmUp = new CancellationTokenSource(TimeSpan.FromSeconds(CoreBenchmark.WarmUpSeconds)))
            {
                await Task.WhenAll(writers.Select(w => w.RunAsync(warmUp.Token)));
            }

            var before = await CoreBenchmark.HeadAsync(system, fund);
            var watch = Stopwatch.StartNew();
            using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(Seconds)))
            {
                await Task.WhenAll(writers.Select(w => w.RunAsync(stop.Token)));
            }

            var postings = (await CoreBenchmark.HeadAsync(system, fund) - before) / (decimal)watch.Elapsed.TotalSeconds;
            Console.Error.WriteLine($"  silos={silos}: {postings:F1} postings/s");
            if (!killFundSilo)
            {
                return (postings, 0, 0, 0);
            }

            // Kill the silo that holds the fund's grain while the writers run; then a receipt sent after the kill.
            var fundSilo = await FundSiloAsync(client, fund);
            var doomed = processes.Single(p => p.Output.Contains($":{fundSilo.Endpoint.Port} ", StringComparison.Ordinal));
            using var running = new CancellationTokenSource();
            var stream = Task.WhenAll(writers.Select(w => w.RunAsync(running.Token)));
            await Task.Delay(TimeSpan.FromSeconds(2));
            var pledge = await OnePledgeAsync(system, fund);
            var killed = Stopwatch.StartNew();
            doomed.Kill();
            await system.Pledges.HandleAsync(
                new RecordReceipt(pledge, "AFTER-KILL", ReceiptChannel.BankTransfer, new DateOnly(2025, 6, 1), 1m, "USD"), CommandContext.By("officer@bench"));
            var failover = killed.Elapsed.TotalSeconds;
            Console.Error.WriteLine($"  the silo holding fund {fund} ({fundSilo}) killed; a receipt answered {failover:F1} s later");
            await Task.Delay(TimeSpan.FromSeconds(3));
            await running.CancelAsync();
            await stream;

            var verified = await system.Ledger.VerifyAsync(fund);
            if (!verified.Intact)
            {
                throw new InvalidOperationException("The ledger does not verify after the failover: " + verified);
            }

            var (lost, doubled) = await CountAsync(system, writers.SelectMany(w => w.Postings).ToArray());
            return (postings, failover, lost, doubled);
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }
        }
    }

    // Where the fund's grain is active, as the cluster's management grain reports it.
    private static async Task<SiloAddress> FundSiloAsync(FundHost client, FundCode fund)
    {
        var grains = client.Services!.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IFundGrain>(fund.Value).SnapshotAsync();
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics.Single(s => s.GrainId.ToString() == GrainId.Create("fund", fund.Value).ToString()).SiloAddress;
    }

    private static async Task<Guid> OnePledgeAsync(FundSystem system, FundCode fund)
    {
        var donor = Guid.NewGuid();
        await system.Donors.HandleAsync(new Donors.RegisterDonor("Failover donor", Donors.DonorType.Foundation, Id: donor), CommandContext.By("officer@bench"));
        var pledge = Guid.NewGuid();
        await system.Pledges.HandleAsync(
            new AnnouncePledge(donor, fund.Value, "USD", 1_000m, [new PlannedInstalment(new DateOnly(2025, 12, 31), 1_000m)], new DateOnly(2025, 1, 1), Id: pledge),
            CommandContext.By("officer@bench"));
        await system.Pledges.HandleAsync(new SignPledge(pledge, new DateOnly(2025, 1, 2)), CommandContext.By("officer@bench"));
        return pledge;
    }

    // Lost: an answered posting with no journal entry. Doubled: a posting command with more than one.
    private static async Task<(long Lost, long Doubled)> CountAsync(FundSystem system, Guid[] answered)
    {
        await using var connection = await system.DataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("""
            select (select count(*) from unnest($1::uuid[]) a (id) where not exists (select 1 from journal_entries e where e.command_id = a.id)),
                   (select count(*) from (select command_id from journal_entries where command_id = any($1) group by command_id having count(*) > 1) d)
            """, connection);
        cmd.Parameters.Add(new() { Value = answered });
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
