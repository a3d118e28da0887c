using Npgsql;

namespace FundManager.Api.Cluster;

/// <summary>The silos the membership table knows, of every cluster on the database.</summary>
public static class ClusterMembers
{
    public static async Task<IReadOnlyList<ClusterMember>> ListAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            select deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time
            from orleans_members order by deployment_id, start_time, address, port
            """, connection);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var members = new List<ClusterMember>();
        while (await reader.ReadAsync(ct))
        {
            members.Add(new ClusterMember(
                reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetString(4), reader.GetString(5),
                (SiloStatus)reader.GetInt32(6), reader.IsDBNull(7) ? null : reader.GetInt32(7),
                reader.GetFieldValue<DateTimeOffset>(8), reader.GetFieldValue<DateTimeOffset>(9)));
        }

        return members;
    }

    /// <summary>The silos that are active and heard from lately (see <see cref="ClusterSettings.HeartbeatTolerance"/>).</summary>
    public static async Task<IReadOnlyList<ClusterMember>> LiveAsync(NpgsqlDataSource dataSource, ClusterSettings settings, CancellationToken ct)
    {
        var now = await DatabaseNowAsync(dataSource, ct);
        return (await ListAsync(dataSource, ct)).Where(m => m.IsLive(now, settings.HeartbeatTolerance)).ToList();
    }

    /// <summary>
    /// Refuses to start a silo on a database where a silo of another cluster is live: two clusters would each believe
    /// their grains the only writers. (A second activation is still refused by the database, but nothing should count on it.)
    /// </summary>
    public static async Task EnsureNoOtherClusterAsync(NpgsqlDataSource dataSource, ClusterSettings settings, CancellationToken ct)
    {
        if ((await LiveAsync(dataSource, settings, ct)).FirstOrDefault(m => m.ClusterId != settings.ClusterId) is { } other)
        {
            throw new ClusterConflictException(
                $"Another FundManager cluster, '{other.ClusterId}', runs on this database (silo {other.Address}:{other.Port}, last heard from at "
                + $"{other.LastHeartbeat:yyyy-MM-dd HH:mm:ss} UTC). Two clusters must never write to one database: stop it, or give this program "
                + $"its cluster id ({ClusterSettings.Section}:ClusterId={other.ClusterId}) to join it.");
        }
    }

    // Heartbeats are written with the silos' clocks; the database's clock is the one all programs share.
    private static async Task<DateTimeOffset> DatabaseNowAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("select now()");
        return new DateTimeOffset((DateTime)(await cmd.ExecuteScalarAsync(ct))!, TimeSpan.Zero);
    }
}
