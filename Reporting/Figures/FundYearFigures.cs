using FundManager.Ledger;

namespace FundManager.Reporting.Figures;

/// <summary>
/// Every figure the Board of Trustees receives about one fund for one period, computed once, from the ledger and the
/// entities, by <see cref="FundYearBuilder"/>. The workbook, the narrative report and the API all show this one object,
/// so they can never disagree. <c>ScheduleYears</c> are the report year and the four after: the columns of the pledge schedule.
/// </summary>
public sealed record FundYearFigures(
    FundProfile Fund,
    ReportPeriod Period,
    DateTimeOffset GeneratedAt,
    IncomeStatement Statement,
    IReadOnlyList<DonorContribution> Contributions,
    IReadOnlyList<DonorContribution> CumulativeContributions,
    IReadOnlyList<int> ScheduleYears,
    IReadOnlyList<PledgeSchedule> Pledges,
    IReadOnlyList<PredictabilityYear> Predictability,
    IReadOnlyList<GrantLine> Grants,
    IReadOnlyList<DisbursementLine> Disbursements,
    IReadOnlyList<RecommendationChange> RecommendationChanges,
    IReadOnlyList<IndicatorLine> Indicators,
    IReadOnlyList<DistributionLine> Distribution,
    TrialBalance TrialBalance)
{
    public static readonly string[] DistributionDimensions = ["Region", "Country", "SDG target", "Modality"];
}
