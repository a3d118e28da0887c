namespace FundManager.Api.Cluster;

/// <summary>One silo as the membership table records it.</summary>
public sealed record ClusterMember(
    string ClusterId, string Address, int Port, int Generation, string SiloName, string HostName, SiloStatus Status, int? GatewayPort,
    DateTimeOffset StartedAt, DateTimeOffset LastHeartbeat)
{
    /// <summary>Active, and heard from within <paramref name="tolerance"/> of <paramref name="now"/>.</summary>
    public bool IsLive(DateTimeOffset now, TimeSpan tolerance) => Status == SiloStatus.Active && now - LastHeartbeat <= tolerance;
}
