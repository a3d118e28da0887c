namespace FundManager.Reporting.Figures;

/// <summary>An amount in USD for one OHCHR region (by its display name).</summary>
public sealed record RegionAmount(string Region, decimal Amount);
