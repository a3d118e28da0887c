namespace FundManager.Cluster;

/// <summary>
/// Places a pledge's or grant's grain on the silo that holds its fund's grain, so that the postings it sends to the fund
/// cross no network: a fund and its grains live together, and the funds are spread over the silos (see
/// <see cref="FundAffinityPlacementDirector"/>).
/// </summary>
[GenerateSerializer]
[Immutable]
[SuppressReferenceTracking]
public sealed class FundAffinityPlacement : PlacementStrategy
{
    /// <summary>The request-context key under which the sender of a creating command names the new entity's fund.</summary>
    public const string FundKey = "fundmanager.fund";

    internal static FundAffinityPlacement Instance { get; } = new();
}
