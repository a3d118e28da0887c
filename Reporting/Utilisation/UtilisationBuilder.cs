using FundManager.Common;
using FundManager.Entities;
using FundManager.Funds;
using FundManager.Grants;
using FundManager.Ledger;
using FundManager.Persistence;
using FundManager.Pledges;
using FundManager.Reporting.Figures;

namespace FundManager.Reporting.Utilisation;

/// <summary>
/// Gathers what <see cref="UtilisationAllocator"/> needs for one fund and period: the tranches paid and the PSC charged
/// on them (from the grants), and each donor's receipts by earmark (cash the ledger received from each pledge).
/// </summary>
public sealed class UtilisationBuilder(FundSystem system)
{
    public async Task<FundUtilisation> BuildAsync(FundCode fund, ReportPeriod period, CancellationToken ct = default)
    {
        var grants = await system.Entities.AllAsync<Grant, GrantEvent>(EntityKind.Grant, fund, ct);
        var items = grants
            .SelectMany(g => g.Tranches
                .Where(t => t.PaidOn is { } paid && period.Contains(paid))
                .SelectMany(t => new[]
                {
                    Item(g, t, SpendingKind.Disbursement, t.PaidAmount!.Value.Amount),
                    Item(g, t, SpendingKind.ProgrammeSupportCost, t.Psc!.Value.Amount),
                }))
            .Where(i => i.Amount > 0m)
            .OrderBy(i => i.PaidOn).ThenBy(i => i.Grant).ThenBy(i => i.Tranche).ThenBy(i => i.Kind)
            .ToList();

        var listings = (await system.Entities.ListingsAsync(new ListingQuery(EntityKind.Pledge, int.MaxValue) { Fund = fund }, ct)).ToDictionary(l => l.Stream.ToString());
        var earmarked = (await system.Entities.LoadManyAsync<Pledge, PledgeEvent>(listings.Values.Where(l => l.Listing.Category != nameof(EarmarkKind.Unearmarked)).ToList(), ct))
            .ToDictionary(p => StreamId.For(p.Id).ToString(), p => p.Earmark);
        var funds = (await system.Ledger.StreamActivityAsync(fund, period.Start, period.End, ct))
            .Where(a => a.Account == Account.Cash && listings.ContainsKey(a.SourceStream))
            .GroupBy(a => a.SourceStream)
            .Select(g =>
            {
                var earmark = earmarked.GetValueOrDefault(g.Key) ?? Earmark.None;
                return new DonorFunds(listings[g.Key].Listing.Donor!.Value, BasisOf(earmark.Kind), earmark.Target, g.Sum(a => a.DebitInPeriod), g.Sum(a => a.DebitToDate));
            })
            .GroupBy(f => (f.Donor, f.Basis, f.Target))
            .Select(g => new DonorFunds(g.Key.Donor, g.Key.Basis, g.Key.Target, g.Sum(f => f.InPeriod), g.Sum(f => f.ToDate)))
            .OrderBy(f => f.Donor).ThenBy(f => f.Basis).ThenBy(f => f.Target, StringComparer.Ordinal)
            .ToList();
        return new FundUtilisation(fund.Value, period, items, funds, UtilisationAllocator.Allocate(items, funds));
    }

    private static SpendingItem Item(Grant grant, Tranche tranche, SpendingKind kind, decimal amount) =>
        new(grant.Fund.Value, grant.Id.Value, tranche.Number, tranche.PaidOn!.Value, kind, amount, grant.Details.Country.Value, grant.Details.Region.ToString(), grant.Details.SdgTargets);

    private static UtilisationBasis BasisOf(EarmarkKind kind) => kind switch
    {
        EarmarkKind.Grant => UtilisationBasis.EarmarkedToGrant,
        EarmarkKind.Country => UtilisationBasis.EarmarkedToCountry,
        EarmarkKind.SdgTarget => UtilisationBasis.EarmarkedToSdgTarget,
        EarmarkKind.Region => UtilisationBasis.EarmarkedToRegion,
        _ => UtilisationBasis.Unearmarked,
    };
}
