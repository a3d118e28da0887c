using System.Net;

namespace FundManager.Api.Cluster;

/// <summary>
/// How this process takes part in the cluster, from the configuration section <c>FundManager:Cluster</c> (environment:
/// <c>FundManager__Cluster__ClusterId</c> and so on). Every silo and client of one cluster names the same cluster id and
/// service id and the same database.
/// </summary>
public sealed class ClusterSettings
{
    public const string Section = "FundManager:Cluster";

    /// <summary>The cluster's name in the membership table; silos with the same id on one database form one cluster.</summary>
    public string ClusterId { get; set; } = "fundmanager";

    /// <summary>The name reminders and grain state are kept under; it outlives any one deployment of the cluster.</summary>
    public string ServiceId { get; set; } = "fundmanager";

    /// <summary>The address other silos and clients reach this silo at (this machine's address on the cluster's network).</summary>
    public string AdvertisedAddress { get; set; } = IPAddress.Loopback.ToString();

    /// <summary>Listen on every address of the machine rather than only the advertised one (behind NAT or in a container).</summary>
    public bool ListenOnAnyAddress { get; set; }

    /// <summary>The port silos talk to each other on; 0 takes a free one.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port clients (an API run with --client, the command-line verbs) connect to; 0 takes a free one.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// Report to Orleans' dashboard (every grain call is timed for it). The long-running processes (<c>serve</c>,
    /// <c>silo</c>) do; a command-line verb's silo of its own, which lives as long as the verb, does not.
    /// </summary>
    public bool Dashboard { get; set; } = true;

    /// <summary>Run the HTTP API as a client of a cluster already running instead of hosting a silo (<c>serve --client</c>).</summary>
    public bool Client { get; set; }

    /// <summary>How long a silo waits for a probe's answer; a silo missing <see cref="MissedProbesLimit"/> in a row is suspected and voted dead.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public int MissedProbesLimit { get; set; } = 2;

    /// <summary>
    /// How long a caller waits for a grain's answer. A command takes milliseconds; a call to a silo that died unanswered
    /// fails after this long and is sent again (same command id) to the grain's new activation.
    /// </summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a silo writes its heartbeat in the membership table (what <c>cluster status</c> shows).</summary>
    public TimeSpan HeartbeatPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A silo whose heartbeat is older than this is taken for gone when a program looks for a running cluster.</summary>
    public TimeSpan HeartbeatTolerance => HeartbeatPeriod * 3;

    public IPAddress AdvertisedIp() => IPAddress.Parse(AdvertisedAddress);

    public static ClusterSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<ClusterSettings>() ?? new ClusterSettings();
}
