namespace FundManager.Reporting.Figures;

/// <summary>
/// One slice of the period's disbursements (direct amounts, USD): a region, country, SDG target or cooperation
/// modality, how much went to it and to how many grants. A grant serving several SDG targets is split evenly among
/// them (largest remainder), so every distribution adds up to the same total.
/// </summary>
public sealed record DistributionLine(string Dimension, string Key, string Name, decimal Amount, int Grants);
