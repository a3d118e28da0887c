using System.Net;
using FundManager.Cluster;
using FundManager.Persistence;
using FundManager.Persistence.Json;
using FundManager.Reminders;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;

namespace FundManager.Api.Cluster;

/// <summary>
/// The one place that says how FundManager runs Orleans: a silo (grains, ADO.NET clustering, reminders and grain storage
/// on FundManager's own database) or a client of a running cluster, both speaking JSON with FundManager's options.
/// </summary>
public static class ClusterHosting
{
    /// <summary>The name of the grain storage provider for state that is not part of the financial record.</summary>
    public const string StateStorage = FundManager.Cluster.StateStorage.Name;

    private const string Invariant = "Npgsql";

    /// <summary>Hosts a silo in this process, on the database of <paramref name="dataSource"/>.</summary>
    /// <param name="services">The process's services.</param>
    /// <param name="settings">How the silo takes part in the cluster.</param>
    /// <param name="dataSource">The database.</param>
    /// <param name="clock">The clock commands are recorded by (the business clock; Orleans keeps the system's).</param>
    /// <param name="reminders">When the funds' reminders run (default: daily).</param>
    public static void AddSilo(IServiceCollection services, ClusterSettings settings, NpgsqlDataSource dataSource, TimeProvider clock, ReminderSchedule? reminders = null) =>
        services.AddOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.ClusterId, settings.ServiceId));
            silo.ConfigureEndpoints(settings.AdvertisedIp(), Port(settings.SiloPort), Port(settings.GatewayPort), settings.ListenOnAnyAddress);
            silo.UseAdoNetClustering(o => (o.Invariant, o.DataSource) = (Invariant, dataSource));
            silo.AddActivityPropagation();
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = settings.ResponseTimeout);
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = settings.ProbeTimeout;
                o.NumMissedProbesLimit = settings.MissedProbesLimit;
                o.IAmAliveTablePublishTimeout = settings.HeartbeatPeriod;
            });
            ConfigureGrains(silo, dataSource, clock, reminders ?? new ReminderSchedule());

            // The cluster's silos report to the dashboard (served by the HTTP API at /admin/cluster).
            if (settings.Dashboard)
            {
                silo.AddDashboard();
            }
        });

    /// <summary>
    /// What every FundManager silo has, whatever its clustering: the grains' services on the database, ADO.NET reminders
    /// and grain storage, the funds' daily reminders made sure of at start, and the serializer.
    /// </summary>
    public static void ConfigureGrains(ISiloBuilder silo, NpgsqlDataSource dataSource, TimeProvider clock, ReminderSchedule schedule)
    {
        silo.Services.AddKeyedSingleton(BusinessClock.Key, clock);
        // Made by the container, so that it closes their writers' connections when the silo stops.
        silo.Services.AddSingleton(_ => new EntityStore(dataSource));
        silo.Services.AddSingleton(_ => new LedgerStore(dataSource));
        silo.Services.AddSingleton(new ExchangeRateStore(dataSource, clock));
        silo.Services.AddSingleton(new EntityReader(dataSource, new EntityCache()));
        silo.Services.AddSingleton(new Ledger.JournalSums(dataSource));
        silo.Services.AddSingleton(schedule);
        silo.Services.AddPlacementDirector<FundAffinityPlacement, FundAffinityPlacementDirector>();
        silo.UseAdoNetReminderService(o => (o.Invariant, o.DataSource) = (Invariant, dataSource));
        silo.AddAdoNetGrainStorage(StateStorage, o =>
        {
            (o.Invariant, o.DataSource) = (Invariant, dataSource);
            o.GrainStorageSerializer = new JsonGrainState();
        });
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = schedule.Period < o.MinimumReminderPeriod ? schedule.Period : o.MinimumReminderPeriod);

        // Every fund has its daily reminder, also those created before reminders existed; registering is idempotent.
        silo.AddStartupTask(async (services, ct) =>
        {
            var grains = services.GetRequiredService<IGrainFactory>();
            foreach (var fund in await new Ledger.LedgerQueries(dataSource).FundsAsync(ct))
            {
                await grains.GetGrain<IFundRemindersGrain>(fund.Value).EnsureScheduledAsync();
            }
        });
        AddSerializer(silo.Services);
    }

    /// <summary>Connects this process to a running cluster as a client (through the gateways in the membership table).</summary>
    public static void AddClient(IServiceCollection services, ClusterSettings settings, NpgsqlDataSource dataSource) =>
        services.AddOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.ClusterId, settings.ServiceId));
            client.UseAdoNetClustering(o => (o.Invariant, o.DataSource) = (Invariant, dataSource));
            client.AddActivityPropagation();
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = settings.ResponseTimeout);
            if (settings.Dashboard)
            {
                client.AddDashboard();
            }
            AddSerializer(client.Services);
        });

    /// <summary>
    /// Commands, outcomes and writes cross silos as JSON with the options of stored events: they are records already
    /// written that way, and the domain needs no serialisation attributes. Within a silo a call passes them as they are
    /// when they are marked immutable (the writes a fund's grain receives, the outcomes), instead of copying them.
    /// </summary>
    public static void AddSerializer(IServiceCollection services) =>
        services.AddSerializer(s => s.AddJsonSerializer(
            isSerializable: IsOurs,
            isCopyable: type => IsOurs(type) && !type.IsDefined(typeof(ImmutableAttribute), inherit: false),
            o => o.Configure(options => options.SerializerOptions = StoredJson.Options)));

    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("FundManager", StringComparison.Ordinal) == true;

    private static int Port(int configured)
    {
        if (configured != 0)
        {
            return configured;
        }

        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
