using FundManager.Ledger;
using FundManager.Pledges;

namespace FundManager.Reporting.Figures;

public sealed partial class FundYearBuilder
{
    /// <summary>
    /// Revenue, receipts and exchange differences per donor and currency, attributed through each posting's source
    /// pledge, so that the donors' figures add up to the ledger's. <paramref name="cumulative"/>: since the fund began.
    /// </summary>
    private static IReadOnlyList<DonorContribution> Contributions(Data data, bool cumulative)
    {
        decimal Balance(StreamActivity a) => cumulative ? a.BalanceToDate : a.BalanceInPeriod;
        var perPledge = data.Activity
            .Where(a => data.Pledges.ContainsKey(a.SourceStream))
            .GroupBy(a => a.SourceStream)
            .Select(rows => new
            {
                Donor = data.Pledges[rows.Key].Listing.Donor!.Value,
                // A pledge moves in one currency; its USD-only lines (amendments, exchange differences) do not say which.
                Currency = rows.Select(r => r.Currency).FirstOrDefault(c => c != "USD") ?? "USD",
                Revenue = -rows.Where(r => r.Account == Account.ContributionRevenue).Sum(Balance),
                ReceivedUsd = rows.Where(r => r.Account == Account.Cash).Sum(r => cumulative ? r.DebitToDate : r.DebitInPeriod),
                ReceivedInCurrency = rows.Where(r => r.Account == Account.Cash).Sum(r => cumulative ? r.OriginalDebitToDate : r.OriginalDebitInPeriod),
                Exchange = -rows.Where(r => r.Account == Account.ExchangeGainsAndLosses).Sum(Balance),
                First = cumulative ? rows.Min(r => (DateOnly?)r.FirstDateToDate) : rows.Min(r => r.FirstDateInPeriod),
                Last = cumulative ? rows.Max(r => (DateOnly?)r.LastDateToDate) : rows.Max(r => r.LastDateInPeriod),
            });
        var multiYear = data.Pledges.Values
            .Where(p => p.Listing.Years?.Count > 1 && p.Listing.Status is not (nameof(PledgeStatus.Announced) or nameof(PledgeStatus.Cancelled)))
            .Select(p => p.Listing.Donor!.Value)
            .ToHashSet();
        return perPledge
            .GroupBy(p => (p.Donor, p.Currency))
            .Select(g =>
            {
                var donor = data.Donors[g.Key.Donor];
                return new DonorContribution(
                    g.Key.Donor, donor.Name, donor.Type, g.Key.Currency, g.Sum(p => p.Revenue), g.Sum(p => p.ReceivedInCurrency), g.Sum(p => p.ReceivedUsd),
                    g.Sum(p => p.Exchange), g.Min(p => p.First), g.Max(p => p.Last), multiYear.Contains(g.Key.Donor));
            })
            .Where(c => c.Revenue != 0m || c.ReceivedUsd != 0m || c.ExchangeDifferences != 0m)
            .OrderByDescending(c => c.Revenue + c.ReceivedUsd)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ThenBy(c => c.Currency, StringComparer.Ordinal)
            .ToList();
    }
}
