using System.Diagnostics;
using FundManager.Api.Cluster;
using FundManager.Tests.Infrastructure;

namespace FundManager.Tests.Cluster;

/// <summary>
/// Two clusters never write to one database: a silo of another cluster id is refused with a message that names the
/// cluster running there and how to join it, by the program (exit 3) and by the host alike.
/// </summary>
public sealed class ClusterGuardTests
{
    [Fact]
    public async Task A_silo_of_another_cluster_is_refused_on_a_database_a_cluster_runs_on()
    {
        var database = await TestServer.CreateDatabaseAsync();
        await using var running = await FundHost.OpenAsync(database);
        await running.StartSiloAsync();

        await using var rival = await FundHost.OpenAsync(database, settings: new ClusterSettings { ClusterId = "rival", SiloPort = 0, GatewayPort = 0 });
        var refused = await Assert.ThrowsAsync<ClusterConflictException>(() => rival.StartSiloAsync());
        Assert.Contains("Another FundManager cluster, 'fundmanager', runs on this database", refused.Message, StringComparison.Ordinal);
        Assert.Contains("FundManager:Cluster:ClusterId=fundmanager", refused.Message, StringComparison.Ordinal);

        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "fundmanager.dll"), "silo", "--database", database, "--port", "0", "--gateway-port", "0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["FundManager__Cluster__ClusterId"] = "rival";
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal(3, process.ExitCode);
        Assert.Contains("Another FundManager cluster, 'fundmanager', runs on this database", await stderr, StringComparison.Ordinal);
    }
}
