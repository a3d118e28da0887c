using Microsoft.Extensions.Hosting;
using Npgsql;

namespace FundManager.Api.Cluster;

/// <summary>
/// Runs first when a server or silo starts, before Orleans does: applies missing migrations (Orleans' providers read
/// their statements from the database) and, for a silo, refuses to join a database another cluster runs on.
/// </summary>
public sealed class DatabasePreparation(NpgsqlDataSource dataSource, ClusterSettings settings) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await FundSystem.PrepareDatabaseAsync(dataSource, Database.DatabaseSchema.Migrations, cancellationToken);
        if (!settings.Client)
        {
            await ClusterMembers.EnsureNoOtherClusterAsync(dataSource, settings, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
