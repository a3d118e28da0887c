using System.Diagnostics;
using System.Globalization;
using FundManager.Api.Cluster;
using FundManager.Common;
using FundManager.Funds;
using FundManager.Persistence;
using FundManager.Pledges;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FundManager.Bench;

/// <summary>
/// Postings per second through one silo process and through two on the same machine, each cluster on its own database,
/// 8 writers sending as one client of their cluster (through its silos' gateways; the pledges' and grants' grains are
/// placed beside their fund's, the donors' on either silo). Both clusters run from the start; once both have warmed up,
/// their writers take turns, 5 s each, three times, so that both meet the same moments of the machine (measured one after
/// the other, the ratio of the same code ranged from 0.67 to 1.11). Then the silo of the two that holds the fund's grain
/// is killed while the writers run. Failover is the time from the kill until a receipt sent after it (which needs the
/// fund's grain) is answered by the survivor; afterwards every posting a writer had answered is counted once in the ledger.
/// </summary>
public static class ClusterBenchmark
{
    private const int Writers = 8;
    private const int Rounds = 3;
    private const int SecondsPerRound = 5;

    public static async Task<int> RunAsync()
    {
        await using var one = await BenchCluster.StartAsync(silos: 1, Writers);
        await using var two = await BenchCluster.StartAsync(silos: 2, Writers);
        BenchCluster[] clusters = [one, two];

        // Each silo process compiles its own code: every cluster warms up before either is measured.
        foreach (var cluster in clusters)
        {
            await cluster.RunAsync(TimeSpan.FromSeconds(CoreBenchmark.WarmUpSeconds));
        }

        Console.Error.WriteLine($"  measuring one silo and two in turns: {Rounds} rounds of {SecondsPerRound} s each");
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var cluster in clusters)
            {
                await cluster.MeasureAsync(TimeSpan.FromSeconds(SecondsPerRound));
            }
        }

        foreach (var cluster in clusters)
        {
            Console.Error.WriteLine($"  silos={cluster.Silos}: {cluster.PostingsPerSecond:F1} postings/s");
        }

        var (failover, lost, doubled) = await FailOverAsync(two);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cluster silos=1 postings_per_s={one.PostingsPerSecond:F1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cluster silos=2 postings_per_s={two.PostingsPerSecond:F1} ratio={two.PostingsPerSecond / one.PostingsPerSecond:F2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cluster failover_s={failover:F1} lost={lost} doubled={doubled}"));
        return 0;
    }

    // Kills the silo that holds the fund's grain while the writers run, then sends a receipt, which needs the fund's grain.
    private static async Task<(double Failover, long Lost, long Doubled)> FailOverAsync(BenchCluster cluster)
    {
        var (client, system, fund) = (cluster.Client, cluster.Client.System, cluster.Fund);
        var fundSilo = await FundSiloAsync(client, fund);
        var doomed = cluster.Processes.Single(p => p.Output.Contains($":{fundSilo.Endpoint.Port} ", StringComparison.Ordinal));
        using var running = new CancellationTokenSource();
        var stream = Task.WhenAll(cluster.Writers.Select(w => w.RunAsync(running.Token)));
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

        var (lost, doubled) = await CountAsync(system, cluster.Writers.SelectMany(w => w.Postings).ToArray());
        return (failover, lost, doubled);
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
