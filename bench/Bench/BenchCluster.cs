using System.Diagnostics;
using FundManager.Api.Cluster;
using FundManager.Funds;
using FundManager.Tests.Infrastructure;

namespace FundManager.Bench;

/// <summary>
/// A cluster of the cluster benchmark: its own database on the bench server, <c>fundmanager silo</c> processes on it, one
/// client of the cluster in this process, the benchmark fund and its writers. While the writers of another cluster are
/// measured, this one's stay idle.
/// </summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    private long _measuredPostings;
    private decimal _measuredSeconds;

    private BenchCluster(int silos, IReadOnlyList<SiloProcess> processes, FundHost client, FundCode fund, IReadOnlyList<BenchWriter> writers)
    {
        (Silos, Processes, Client, Fund, Writers) = (silos, processes, client, fund, writers);
    }

    public int Silos { get; }

    public FundHost Client { get; }

    public FundCode Fund { get; }

    public IReadOnlyList<BenchWriter> Writers { get; }

    public IReadOnlyList<SiloProcess> Processes { get; }

    /// <summary>The fund's postings per second over every measurement so far.</summary>
    public decimal PostingsPerSecond => _measuredPostings / _measuredSeconds;

    /// <summary>Starts <paramref name="silos"/> silo processes on a fresh database, then its client, fund and writers.</summary>
    public static async Task<BenchCluster> StartAsync(int silos, int writers)
    {
        var database = await BenchServer.FreshDatabaseAsync($"bench_cluster_{silos}");
        await using (var dataSource = FundSystem.CreateDataSource(database))
        {
            await FundSystem.PrepareDatabaseAsync(dataSource, Api.Database.DatabaseSchema.Migrations);
        }

        var processes = new List<SiloProcess>();
        FundHost? client = null;
        try
        {
            for (var i = 0; i < silos; i++)
            {
                processes.Add(await SiloProcess.StartAsync(database));
            }

            client = await FundHost.OpenAsync(database);
            var fund = await BenchWriter.SetUpFundAsync(client.System);
            var all = new List<BenchWriter>();
            for (var w = 0; w < writers; w++)
            {
                all.Add(await BenchWriter.CreateAsync(client.System, fund, w));
            }

            return new BenchCluster(silos, processes, client, fund, all);
        }
        catch
        {
            await StopAsync(processes, client);
            throw;
        }
    }

    /// <summary>Runs every writer for <paramref name="duration"/>.</summary>
    public async Task RunAsync(TimeSpan duration)
    {
        using var stop = new CancellationTokenSource(duration);
        await Task.WhenAll(Writers.Select(w => w.RunAsync(stop.Token)));
    }

    /// <summary>Runs every writer for <paramref name="duration"/>, counting the fund's postings meanwhile.</summary>
    public async Task MeasureAsync(TimeSpan duration)
    {
        var before = await CoreBenchmark.HeadAsync(Client.System, Fund);
        var watch = Stopwatch.StartNew();
        await RunAsync(duration);
        _measuredSeconds += (decimal)watch.Elapsed.TotalSeconds;
        _measuredPostings += await CoreBenchmark.HeadAsync(Client.System, Fund) - before;
    }

    public ValueTask DisposeAsync() => new(StopAsync(Processes, Client));

    private static async Task StopAsync(IEnumerable<SiloProcess> processes, FundHost? client)
    {
        if (client is not null)
        {
            await client.DisposeAsync();
        }

        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }
    }
}
