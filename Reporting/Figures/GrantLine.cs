using FundManager.Grants;

namespace FundManager.Reporting.Figures;

/// <summary>
/// A grant of the fund: where and by whom it is carried out, what it may spend (direct budget and PSC), what it has
/// disbursed (to the period's end and within the period, from the ledger), and what it serves.
/// </summary>
public sealed record GrantLine(
    Guid Grant,
    string Title,
    string Country,
    string CountryName,
    string Region,
    string ImplementingEntity,
    CooperationModality Modality,
    decimal DirectBudget,
    decimal Psc,
    decimal DisbursedToDate,
    decimal DisbursedInPeriod,
    decimal PscInPeriod,
    GrantStatus Status,
    DateOnly? ApprovedOn,
    IReadOnlyList<string> Recommendations,
    IReadOnlyList<string> SdgTargets);
