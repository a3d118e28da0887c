namespace FundManager.Api.Cluster;

/// <summary>This program cannot take part in the cluster on its database as configured (another cluster runs there).</summary>
public sealed class ClusterConflictException(string message) : Exception(message);
