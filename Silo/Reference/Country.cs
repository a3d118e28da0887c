namespace FundManager.Reference;

/// <summary>
/// A country or area of the UN M49 standard, with its OHCHR region (none for Antarctica) and,
/// for Member States, the UN regional group.
/// </summary>
public sealed record Country(
    CountryCode Code,
    string Alpha2,
    string Name,
    int M49,
    string M49Region,
    string M49SubRegion,
    bool IsLeastDeveloped,
    bool IsLandlocked,
    bool IsSmallIslandState,
    OhchrRegion? OhchrRegion,
    string? UnRegionalGroup);
