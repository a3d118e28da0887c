namespace FundManager.Reporting.Utilisation;

/// <summary>
/// What one donor gave the fund (USD received), by earmark: <see cref="InPeriod"/> received within the period,
/// <see cref="ToDate"/> received up to its end. <see cref="Target"/> is the earmark's target (a grant id, a country,
/// an SDG target, a region), null when unearmarked.
/// </summary>
public sealed record DonorFunds(Guid Donor, UtilisationBasis Basis, string? Target, decimal InPeriod, decimal ToDate);
