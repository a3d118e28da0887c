using FundManager.Pledges;

namespace FundManager.Reporting.Figures;

/// <summary>
/// A signed pledge as the Board sees it at the end of the report year: its instalments due in that year and in each
/// of the four after (in the pledge's currency), what receipts dated by then had paid, what is outstanding, and the
/// part of that already overdue (due on or before the year's end and unpaid).
/// </summary>
public sealed record PledgeSchedule(
    Guid Pledge,
    Guid Donor,
    string DonorName,
    string Currency,
    int MinorUnits,
    decimal Total,
    DateOnly SignedOn,
    PledgeStatus Status,
    string Earmark,
    IReadOnlyList<decimal> DueByYear,
    decimal DueLater,
    decimal Paid,
    decimal Outstanding,
    decimal Overdue,
    decimal OutstandingUsd,
    IReadOnlyList<decimal> OutstandingUsdDueByYear);
