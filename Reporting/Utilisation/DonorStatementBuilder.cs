using FundManager.Common;
using FundManager.Donors;
using FundManager.Entities;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Persistence;
using FundManager.Pledges;
using FundManager.Recommendations;
using FundManager.Reference;
using FundManager.Reporting.Board;
using FundManager.Reporting.Figures;

namespace FundManager.Reporting.Utilisation;

/// <summary>
/// Makes a donor's <see cref="DonorStatement"/>: its receipts in the period, and its part of each fund's attribution
/// (<see cref="UtilisationBuilder"/>), with the grants, countries and recommendations that part paid for.
/// </summary>
public sealed class DonorStatementBuilder(FundSystem system)
{
    public async Task<DonorStatement> BuildAsync(Guid donorId, ReportPeriod period, CancellationToken ct = default)
    {
        var donor = await system.Entities.LoadAsync<Donor, DonorEvent>(StreamId.For(new DonorId(donorId)), ct);
        if (!donor.Exists)
        {
            throw RuleViolation.Of(BusinessRule.EntityNotFound, "There is no such donor, or it is not yours to see.", "id", ("donor", donorId));
        }

        var pledges = (await system.Entities.LoadManyAsync<Pledge, PledgeEvent>(
            await system.Entities.ListingsAsync(new ListingQuery(EntityKind.Pledge, int.MaxValue) { Donor = donorId }, ct), ct)).ToDictionary(p => p.Id.Value);
        var receipts = (await system.Receipts.FindAsync(
                new ReceiptQuery(int.MaxValue) { Donor = donorId, ReceivedFrom = period.Start == DateOnly.MinValue ? null : period.Start, ReceivedTo = period.End }, ct))
            .Select(r => new StatementReceipt(
                r.Receipt.ReceivedOn, r.Fund.Value, r.Pledge.Value, r.Receipt.Reference, pledges.TryGetValue(r.Pledge.Value, out var p) ? EarmarkName(p.Earmark) : "",
                r.Receipt.Amount.Currency.Code, r.Receipt.Amount.Currency.MinorUnits, r.Receipt.Amount.Amount, r.Receipt.Usd.Amount))
            .ToList();

        // Money given back (a refund, a dispute lost) is a negative line on the day it went back, at the receipt's own value.
        receipts.AddRange((await system.Receipts.ReversalsAsync(donorId, period.Start == DateOnly.MinValue ? null : period.Start, period.End, ct))
            .Select(r => new StatementReceipt(
                r.Reversal.On, r.Fund.Value, r.Pledge.Value, $"{r.Reversal.Receipt} ({(r.Reversal.Kind == ReversalKind.Refund ? "refunded" : "dispute lost")})",
                pledges.TryGetValue(r.Pledge.Value, out var p) ? EarmarkName(p.Earmark) : "",
                r.Reversal.Amount.Currency.Code, r.Reversal.Amount.Currency.MinorUnits, -r.Reversal.Amount.Amount, -r.Reversal.CashUsd.Amount)));
        receipts = [.. receipts.OrderBy(r => r.ReceivedOn)];

        var funds = new List<StatementFund>();
        var mine = new List<Attribution>();
        foreach (var code in pledges.Values.Select(p => p.Fund).Distinct().OrderBy(f => f.Value, StringComparer.Ordinal))
        {
            var fund = await system.Entities.LoadAsync<Fund, FundEvent>(StreamId.For(code), ct);
            var utilisation = await new UtilisationBuilder(system).BuildAsync(code, period, ct);
            var ours = utilisation.Attributions.Where(a => a.Donor == donorId).ToList();
            mine.AddRange(ours);
            funds.Add(new StatementFund(
                code.Value, fund.Name, receipts.Where(r => r.Fund == code.Value).Sum(r => r.Usd), utilisation.Spent, ours.Sum(a => a.Amount),
                ours.Where(a => a.Item.Kind == SpendingKind.Disbursement).Sum(a => a.Amount), ours.Where(a => a.Item.Kind == SpendingKind.ProgrammeSupportCost).Sum(a => a.Amount),
                ours.Where(a => a.Basis != UtilisationBasis.Unearmarked).Sum(a => a.Amount), ours.Where(a => a.Basis == UtilisationBasis.Unearmarked).Sum(a => a.Amount)));
        }

        var grants = new List<StatementGrant>();
        foreach (var group in mine.GroupBy(a => a.Item.Grant))
        {
            var grant = await system.Entities.LoadAsync<Grant, GrantEvent>(StreamId.For(new GrantId(group.Key)), ct);
            grants.Add(new StatementGrant(
                grant.Fund.Value, grant.Id.Value, grant.Details.Title, CountryName(grant.Details.Country), OhchrRegions.DisplayName(grant.Details.Region), grant.Status.ToString(),
                group.Where(a => a.Item.Kind == SpendingKind.Disbursement).Sum(a => a.Amount), group.Where(a => a.Item.Kind == SpendingKind.ProgrammeSupportCost).Sum(a => a.Amount),
                string.Join(", ", group.Select(a => BasisName(a.Basis)).Distinct()),
                await RecommendationsAsync(grant, period.End, ct),
                Indicators(grant, period.End),
                grant.Details.SdgTargets));
        }

        return new DonorStatement(
            donorId, donor.Name, donor.Type, period.IsCalendarYear ? period.Label : "since the fund began, " + period.Label,
            period.Start == DateOnly.MinValue ? null : period.Start, period.End, system.Clock.GetUtcNow(),
            receipts, receipts.Sum(r => r.Usd), funds,
            grants.OrderByDescending(g => g.Applied).ThenBy(g => g.Title, StringComparer.Ordinal).ToList(),
            grants.GroupBy(g => g.Country).Select(g => new StatementCountry(g.Key, g.Sum(x => x.Applied), g.Count()))
                .OrderByDescending(c => c.Amount).ThenBy(c => c.Country, StringComparer.Ordinal).ToList(),
            mine.Sum(a => a.Amount));
    }

    private async Task<IReadOnlyList<StatementRecommendation>> RecommendationsAsync(Grant grant, DateOnly asOf, CancellationToken ct)
    {
        var result = new List<StatementRecommendation>();
        foreach (var id in grant.Details.Recommendations)
        {
            var recommendation = await system.Entities.LoadAsync<UprRecommendation, RecommendationEvent>(StreamId.ForRecommendation(id), ct);
            var latest = grant.RecommendationProgress.Where(p => p.Recommendation == id && p.AsOf <= asOf).LastOrDefault();
            result.Add(new StatementRecommendation(id, recommendation.Exists ? recommendation.Text : "", BoardWorkbook.StatusName(latest?.Status ?? ImplementationStatus.NotStarted), latest?.AsOf));
        }

        return result;
    }

    private static IReadOnlyList<StatementIndicator> Indicators(Grant grant, DateOnly asOf) =>
        grant.Indicators.Select(i => new StatementIndicator(i.Name, i.Unit, i.Baseline, i.Target, grant.LatestReading(i.Id, asOf)?.Value)).ToList();

    public static string BasisName(UtilisationBasis basis) => basis switch
    {
        UtilisationBasis.EarmarkedToGrant => "earmarked to this grant",
        UtilisationBasis.EarmarkedToCountry => "earmarked to the country",
        UtilisationBasis.EarmarkedToSdgTarget => "earmarked to an SDG target it serves",
        UtilisationBasis.EarmarkedToRegion => "earmarked to the region",
        _ => "unearmarked share",
    };

    private static string EarmarkName(Earmark earmark) => earmark.Kind == EarmarkKind.Unearmarked ? "Unearmarked" : $"{earmark.Kind}: {earmark.Target}";

    private static string CountryName(CountryCode code) => CountryCatalog.Default.NameOf(code);
}
