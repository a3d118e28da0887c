using FundManager.Entities;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Ledger;
using FundManager.Recommendations;
using FundManager.Reference;

namespace FundManager.Reporting.Figures;

public sealed partial class FundYearBuilder
{
    /// <summary>Every grant of the fund, its disbursements (to date and in the period) read from the ledger postings it caused.</summary>
    private static IReadOnlyList<GrantLine> GrantLines(Data data, Fund fund)
    {
        var byGrant = data.Activity.Where(a => data.GrantOf(a.SourceStream) is not null).ToLookup(a => a.SourceStream);
        return data.Grants
            .Select(g =>
            {
                var rows = byGrant[StreamId.For(g.Id).ToString()].ToList();
                var psc = g.PscRate is null ? Fund.Psc(g.DirectBudget, fund.PscRate).Amount : g.CommittedPsc.Amount;
                return new GrantLine(
                    g.Id.Value, g.Details.Title, g.Details.Country.Value, CountryName(g.Details.Country), OhchrRegions.DisplayName(g.Details.Region),
                    g.Details.ImplementingEntity.Name, g.Details.Modality, g.DirectBudget.Amount, psc,
                    rows.Where(r => r.Account == Account.GrantExpense).Sum(r => r.BalanceToDate),
                    rows.Where(r => r.Account == Account.GrantExpense).Sum(r => r.BalanceInPeriod),
                    rows.Where(r => r.Account == Account.PscExpense).Sum(r => r.BalanceInPeriod),
                    g.Status, g.ApprovedOn, g.Details.Recommendations, g.Details.SdgTargets);
            })
            .OrderBy(g => g.Region, StringComparer.Ordinal).ThenBy(g => g.CountryName, StringComparer.Ordinal).ThenBy(g => g.Title, StringComparer.Ordinal)
            .ToList();
    }

    private static IReadOnlyList<DisbursementLine> Disbursements(Data data) =>
        data.Grants
            .SelectMany(g => g.Tranches
                .Where(t => t.PaidOn is { } paid && data.Period.Contains(paid))
                .Select(t => new DisbursementLine(
                    t.PaidOn!.Value, g.Id.Value, g.Details.Title, CountryName(g.Details.Country), t.Number, t.PaidAmount!.Value.Amount, t.Psc!.Value.Amount,
                    t.PreparedBy?.Value ?? "", t.ApprovedBy?.Value ?? "")))
            .OrderBy(d => d.PaidOn).ThenBy(d => d.GrantTitle, StringComparer.Ordinal).ThenBy(d => d.Tranche)
            .ToList();

    private async Task<IReadOnlyList<RecommendationChange>> RecommendationChangesAsync(Data data, CancellationToken ct)
    {
        // The texts of the recommendations that moved in the period, read together.
        var moved = data.Grants.SelectMany(g => g.RecommendationProgress).Where(p => data.Period.Contains(p.AsOf))
            .Select(p => StreamId.ForRecommendation(p.Recommendation)).ToList();
        var texts = (await system.Entities.LoadManyAsync<UprRecommendation, RecommendationEvent>(moved, ct))
            .Where(r => r.Exists).ToDictionary(r => StreamId.ForRecommendation(r.Id), r => r.Text);
        var changes = new List<RecommendationChange>();
        foreach (var grant in data.Grants)
        {
            var previous = new Dictionary<string, ImplementationStatus>(StringComparer.Ordinal);
            foreach (var progress in grant.RecommendationProgress)
            {
                if (data.Period.Contains(progress.AsOf))
                {
                    changes.Add(new RecommendationChange(
                        grant.Id.Value, grant.Details.Title, CountryName(grant.Details.Country), progress.Recommendation, texts.GetValueOrDefault(StreamId.ForRecommendation(progress.Recommendation), ""),
                        progress.Status, previous.TryGetValue(progress.Recommendation, out var before) ? before : null, progress.Evidence, progress.AsOf,
                        progress.RecordedBy.Value));
                }

                previous[progress.Recommendation] = progress.Status;
            }
        }

        return changes.OrderBy(c => c.AsOf).ThenBy(c => c.Recommendation, StringComparer.Ordinal).ToList();
    }

    /// <summary>Each indicator with the latest value an accepted progress report gave for a period ending by the report's end.</summary>
    private static IReadOnlyList<IndicatorLine> Indicators(Data data) =>
        data.Grants
            .SelectMany(g => g.Indicators.Select(indicator =>
            {
                var latest = g.LatestReading(indicator.Id, data.Period.End);
                return new IndicatorLine(
                    g.Id.Value, g.Details.Title, CountryName(g.Details.Country), indicator.Name, indicator.Unit, indicator.Baseline, indicator.Target,
                    latest?.Value, latest?.PeriodEnd);
            }))
            .OrderBy(i => i.Country, StringComparer.Ordinal).ThenBy(i => i.GrantTitle, StringComparer.Ordinal).ThenBy(i => i.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>The period's disbursements by region, country, SDG target (a grant's amount split evenly among its targets) and modality.</summary>
    private static IReadOnlyList<DistributionLine> Distribution(Data data, IReadOnlyList<DisbursementLine> disbursements)
    {
        var grants = data.Grants.ToDictionary(g => g.Id.Value);
        var paid = disbursements.GroupBy(d => d.Grant).Select(g => (Grant: grants[g.Key], Amount: g.Sum(d => d.Amount))).ToList();

        IEnumerable<DistributionLine> By(string dimension, Func<Grant, IEnumerable<(string Key, string Name, decimal Amount)>> slices) =>
            paid.SelectMany(p => slices(p.Grant).Select(s => (s.Key, s.Name, s.Amount, p.Grant.Id)))
                .GroupBy(s => (s.Key, s.Name))
                .Select(g => new DistributionLine(dimension, g.Key.Key, g.Key.Name, g.Sum(s => s.Amount), g.Select(s => s.Id).Distinct().Count()))
                .OrderByDescending(l => l.Amount).ThenBy(l => l.Key, StringComparer.Ordinal);

        decimal AmountOf(Grant g) => paid.First(p => p.Grant.Id == g.Id).Amount;
        IEnumerable<(string, string, decimal)> Sdgs(Grant g)
        {
            var targets = g.Details.SdgTargets.Count == 0 ? ["none"] : g.Details.SdgTargets;
            var shares = LargestRemainder.Split(AmountOf(g), targets.Select(_ => 1m).ToList());
            return targets.Select((t, i) => (t, t == "none" ? "No SDG target" : SdgCatalog.Default.Find(t)?.Title ?? t, shares[i]));
        }

        return
        [
            .. By("Region", g => [(g.Details.Region.ToString(), OhchrRegions.DisplayName(g.Details.Region), AmountOf(g))]),
            .. By("Country", g => [(g.Details.Country.Value, CountryName(g.Details.Country), AmountOf(g))]),
            .. By("SDG target", Sdgs),
            .. By("Modality", g => [(g.Details.Modality.ToString(), ModalityName(g.Details.Modality), AmountOf(g))]),
        ];
    }

    public static string ModalityName(CooperationModality modality) => modality switch
    {
        CooperationModality.NorthSouth => "North-South",
        CooperationModality.SouthSouth => "South-South",
        CooperationModality.Triangular => "Triangular",
        CooperationModality.Multilateral => "Multilateral",
        _ => modality.ToString(),
    };

    private static string CountryName(CountryCode code) => CountryCatalog.Default.NameOf(code);
}
