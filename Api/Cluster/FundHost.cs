using FundManager.Cluster;
using FundManager.Reminders;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace FundManager.Api.Cluster;

/// <summary>
/// FundManager opened on a database by a program that is not the server (a command-line verb, a test, a benchmark).
/// What it reads comes straight from the database. Its first command connects it to the cluster that runs on that
/// database, as a client, or, when none runs, starts a silo of its own in this process; either is stopped when the
/// host is disposed.
/// </summary>
public sealed class FundHost : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ClusterSettings _settings;
    private readonly TimeProvider _clock;
    private readonly ReminderSchedule? _reminders;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IHost? _host;
    private IGrainFactory? _grains;

    private FundHost(NpgsqlDataSource dataSource, TimeProvider clock, ClusterSettings settings, ReminderSchedule? reminders)
    {
        _dataSource = dataSource;
        _settings = settings;
        _clock = clock;
        _reminders = reminders;
        System = new FundSystem(dataSource, clock, GrainsAsync);
    }

    public FundSystem System { get; }

    /// <summary>True once this host runs a silo of its own (rather than being a client, or not yet connected).</summary>
    public bool HostsSilo { get; private set; }

    public IServiceProvider? Services => _host?.Services;

    /// <summary>Opens the database (migrating it). Nothing connects to the cluster until a command is sent.</summary>
    /// <param name="connectionString">The database.</param>
    /// <param name="clock">The clock commands are recorded by (default: the system's).</param>
    /// <param name="settings">How to take part in the cluster (default: cluster <c>fundmanager</c>, a silo on free ports when one is needed, no dashboard).</param>
    /// <param name="ct">Cancels the opening.</param>
    /// <param name="reminders">When a silo of its own runs the funds' reminders (default: daily).</param>
    public static async Task<FundHost> OpenAsync(
        string connectionString, TimeProvider? clock = null, ClusterSettings? settings = null, CancellationToken ct = default, ReminderSchedule? reminders = null)
    {
        var dataSource = FundSystem.CreateDataSource(connectionString);
        try
        {
            await FundSystem.PrepareDatabaseAsync(dataSource, Database.DatabaseSchema.Migrations, ct);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }

        return new FundHost(dataSource, clock ?? TimeProvider.System, settings ?? new ClusterSettings { SiloPort = 0, GatewayPort = 0, Dashboard = false }, reminders);
    }

    /// <summary>Starts a silo in this process now, whatever else runs (tests, and the <c>silo</c> verb, which is one).</summary>
    public async Task<IGrainFactory> StartSiloAsync(CancellationToken ct = default) => await ConnectAsync(asSilo: true, ct);

    private async ValueTask<IGrainFactory> GrainsAsync(CancellationToken ct) => _grains ?? await ConnectAsync(asSilo: null, ct);

    private async Task<IGrainFactory> ConnectAsync(bool? asSilo, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_grains is not null)
            {
                return _grains;
            }

            var silo = asSilo ?? !(await ClusterMembers.LiveAsync(_dataSource, _settings, ct)).Any(m => m.ClusterId == _settings.ClusterId && m.GatewayPort > 0);
            if (silo)
            {
                await ClusterMembers.EnsureNoOtherClusterAsync(_dataSource, _settings, ct);
            }

            var builder = ProgramHost.CreateBuilder();
            if (silo)
            {
                ClusterHosting.AddSilo(builder.Services, _settings, _dataSource, _clock, _reminders);
            }
            else
            {
                ClusterHosting.AddClient(builder.Services, _settings, _dataSource);
            }

            var host = builder.Build();
            await host.StartAsync(ct);
            (_host, HostsSilo) = (host, silo);
            return _grains = host.Services.GetRequiredService<IGrainFactory>();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync(CancellationToken.None);
            _host.Dispose();
        }

        await _dataSource.DisposeAsync();
        _gate.Dispose();
    }
}
