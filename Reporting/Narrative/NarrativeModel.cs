using FundManager.Reporting.Figures;

namespace FundManager.Reporting.Narrative;

/// <summary>
/// What the narrative template sees (README, "Template model"): the Board's figures, unchanged, plus what prose needs
/// ready-made — the fund's mandate, the multi-year donors, the grants approved in the year by region and modality, and a
/// few counts. Every amount here comes from <see cref="Figures"/>, so the narrative and the workbook cannot disagree.
/// </summary>
public sealed record NarrativeModel(
    FundYearFigures Figures,
    string Mandate,
    int Year,
    int DonorCount,
    IReadOnlyList<DonorContribution> MultiYearDonors,
    decimal ReceivedUsd,
    IReadOnlyList<GrantLine> GrantsApproved,
    int GrantsApprovedCount,
    decimal ApprovedDirectBudget,
    IReadOnlyList<GroupTotal> ApprovedByRegion,
    IReadOnlyList<GroupTotal> ApprovedByModality,
    int RecommendationsMoved,
    int RecommendationsFullyImplemented,
    IReadOnlyList<IndicatorLine> IndicatorsReported,
    IReadOnlyList<string> Charts)
{
    public const string ExpenditureByRegion = "expenditure-by-region";
    public const string ContributionsByDonor = "contributions-by-donor";
    public const string Predictability = "predictability";

    public static NarrativeModel Of(FundYearFigures f, string mandate)
    {
        var approved = f.Grants.Where(g => g.ApprovedOn is { } on && f.Period.Contains(on)).ToList();
        IReadOnlyList<GroupTotal> By(Func<GrantLine, string> key) =>
            approved.GroupBy(key).Select(g => new GroupTotal(g.Key, g.Count(), g.Sum(x => x.DirectBudget))).OrderByDescending(g => g.Amount).ThenBy(g => g.Name, StringComparer.Ordinal).ToList();

        var donors = f.Contributions.Select(c => c.Donor).Distinct().Count();
        return new NarrativeModel(
            f,
            mandate,
            f.Period.End.Year,
            donors,
            f.Contributions.Where(c => c.MultiYear).GroupBy(c => c.Donor).Select(g => g.First()).OrderBy(c => c.Name, StringComparer.Ordinal).ToList(),
            f.Contributions.Sum(c => c.ReceivedUsd),
            approved,
            approved.Count,
            approved.Sum(g => g.DirectBudget),
            By(g => g.Region),
            By(g => FundYearBuilder.ModalityName(g.Modality)),
            f.RecommendationChanges.Select(c => (c.Grant, c.Recommendation)).Distinct().Count(),
            f.RecommendationChanges.Where(c => c.Status == Grants.ImplementationStatus.FullyImplemented).Select(c => c.Recommendation).Distinct().Count(),
            f.Indicators.Where(i => i.Latest is not null).ToList(),
            [ExpenditureByRegion, ContributionsByDonor, Predictability]);
    }
}
