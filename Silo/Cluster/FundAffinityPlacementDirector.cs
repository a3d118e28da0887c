using FundManager.Entities;
using FundManager.Funds;
using FundManager.Persistence;
using Orleans.Runtime.Placement;

namespace FundManager.Cluster;

/// <summary>
/// Chooses the silo of a new activation of a pledge or grant: the silo its fund's grain is on. The fund is the one the
/// creating command named (in the request context), else the one the database records for the entity. When neither
/// says, or the fund's silo cannot take the grain, any compatible silo will do.
/// </summary>
public sealed class FundAffinityPlacementDirector(IGrainFactory grains, EntityStore store) : IPlacementDirector
{
    public async Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        if (IPlacementDirector.GetPlacementHint(target.RequestContextData, silos) is { } hint)
        {
            return hint;
        }

        var fund = target.RequestContextData?.GetValueOrDefault(FundAffinityPlacement.FundKey) as string
            ?? await store.FundOfAsync(new StreamId(target.GrainIdentity.Type.ToString()!, target.GrainIdentity.GetGuidKey().ToString("D")), CancellationToken.None);
        if (fund is not null && await grains.GetGrain<IFundGrain>(fund).HostAsync() is var host && silos.Contains(host))
        {
            return host;
        }

        return silos[Random.Shared.Next(silos.Length)];
    }
}
