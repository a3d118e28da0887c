using FundManager.Api.Cluster;
using FundManager.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.TestingHost;

namespace FundManager.Tests.Infrastructure;

/// <summary>
/// Orleans' in-process test cluster, its silos configured as FundManager's (grains, reminders and grain storage on the
/// test's database), membership kept in memory by the test host. Each cluster is a cluster of its own: two of them on
/// one database are two activations of every grain they both use.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly InProcessTestCluster _cluster;

    private TestCluster(InProcessTestCluster cluster, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        _cluster = cluster;
        DataSource = dataSource;
        System = new FundSystem(dataSource, clock, _ => ValueTask.FromResult<IGrainFactory>(cluster.Client));
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>The domain through the test cluster's client.</summary>
    public FundSystem System { get; }

    public IReadOnlyList<InProcessSiloHandle> Silos => _cluster.Silos;

    /// <summary>The grains, through the test cluster's client.</summary>
    public IGrainFactory Grains => _cluster.Client;

    public static async Task<TestCluster> StartAsync(string connectionString, short silos, TimeProvider clock)
    {
        var dataSource = FundSystem.CreateDataSource(connectionString);
        await FundSystem.PrepareDatabaseAsync(dataSource, Api.Database.DatabaseSchema.Migrations);
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => ClusterHosting.ConfigureGrains(silo, dataSource, clock, new ReminderSchedule()));
        builder.ConfigureClient(client => ClusterHosting.AddSerializer(client.Services));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new TestCluster(cluster, dataSource, clock);
    }

    /// <summary>The domain as one silo's own grain factory sends it (its calls start on that silo).</summary>
    public FundSystem On(int silo) =>
        new(DataSource, System.Clock, _ => ValueTask.FromResult(_cluster.Silos[silo].SiloHost.Services.GetRequiredService<IGrainFactory>()));

    public async ValueTask DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await DataSource.DisposeAsync();
    }
}
