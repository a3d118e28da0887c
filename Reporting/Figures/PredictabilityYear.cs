namespace FundManager.Reporting.Figures;

/// <summary>
/// The headline measure of predictable funding for one coming year: the tranches that committed grants plan to pay up
/// to the end of that year (USD, including earlier plans still unpaid), the signed instalments due by then and not yet
/// received (USD at their booked value), and the share of the first covered by the second (at most 100%).
/// </summary>
public sealed record PredictabilityYear(int Year, decimal PlannedTranches, decimal SignedInstalments, decimal Coverage);
