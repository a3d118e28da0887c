using Orleans.Placement;

namespace FundManager.Cluster;

/// <summary>Marks a grain placed beside its fund's grain (see <see cref="FundAffinityPlacement"/>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class FundAffinityPlacementAttribute() : PlacementAttribute(FundAffinityPlacement.Instance);
