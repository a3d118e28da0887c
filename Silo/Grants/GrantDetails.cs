using FundManager.Reference;

namespace FundManager.Grants;

/// <summary>What a grant is for, who implements it and where.</summary>
public sealed record GrantDetails(
    ImplementingEntity ImplementingEntity,
    CountryCode Country,
    OhchrRegion Region,
    string Title,
    string Summary,
    GrantPeriod Period,
    CooperationModality Modality,
    IReadOnlyList<string> Recommendations,
    IReadOnlyList<string> SdgTargets);
