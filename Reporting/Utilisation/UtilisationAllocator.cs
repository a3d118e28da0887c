using FundManager.Reporting.Figures;

namespace FundManager.Reporting.Utilisation;

/// <summary>
/// Attributes what a fund spent in a period to the donors whose money paid for it (README, "Donor utilisation"):
/// <list type="number">
/// <item>Earmarked money received in the period pays first for what its earmark matches, most specific earmark first
/// (grant, country, SDG target, region); where several items match, each pays its pro-rata part, and where several donors
/// earmarked the same way, each pays in proportion to what it gave.</item>
/// <item>What earmarked money did not pay for is shared among donors by their share of the unearmarked money received in
/// the period; if none came in, of all unearmarked money received by the period's end; failing that, of all money
/// received by then.</item>
/// <item>Each item is then split into whole cents by the largest remainder method, so that across all donors the
/// attributions add up exactly, item by item, to what the fund spent.</item>
/// </list>
/// </summary>
public static class UtilisationAllocator
{
    private static readonly UtilisationBasis[] Earmarks =
        [UtilisationBasis.EarmarkedToGrant, UtilisationBasis.EarmarkedToCountry, UtilisationBasis.EarmarkedToSdgTarget, UtilisationBasis.EarmarkedToRegion];

    public static IReadOnlyList<Attribution> Allocate(IReadOnlyList<SpendingItem> items, IReadOnlyList<DonorFunds> funds)
    {
        var remaining = items.Select(i => i.Amount).ToArray();
        var shares = items.Select(_ => new Dictionary<(Guid Donor, UtilisationBasis Basis), decimal>()).ToArray();
        foreach (var basis in Earmarks)
        {
            foreach (var pools in funds.Where(f => f.Basis == basis && f.InPeriod > 0m).GroupBy(f => f.Target!).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var given = pools.Sum(p => p.InPeriod);
                var matching = Enumerable.Range(0, items.Count).Where(i => remaining[i] > 0m && items[i].Matches(basis, pools.Key)).ToList();
                var open = matching.Sum(i => remaining[i]);
                if (open == 0m)
                {
                    continue;
                }

                var applied = Math.Min(given, open);
                foreach (var i in matching)
                {
                    var take = applied == open ? remaining[i] : remaining[i] * applied / open;
                    foreach (var pool in pools)
                    {
                        Add(shares[i], (pool.Donor, basis), take * pool.InPeriod / given);
                    }

                    remaining[i] -= take;
                }
            }
        }

        var weights = UnearmarkedWeights(funds);
        var total = weights.Values.Sum();
        for (var i = 0; i < items.Count; i++)
        {
            if (remaining[i] <= 0m)
            {
                continue;
            }

            if (total == 0m)
            {
                throw new InvalidOperationException("The fund spent money that no receipt brought in.");
            }

            foreach (var (donor, weight) in weights)
            {
                Add(shares[i], (donor, UtilisationBasis.Unearmarked), remaining[i] * weight / total);
            }
        }

        return Enumerable.Range(0, items.Count).SelectMany(i => InCents(items[i], shares[i])).ToList();
    }

    private static Dictionary<Guid, decimal> UnearmarkedWeights(IReadOnlyList<DonorFunds> funds)
    {
        Dictionary<Guid, decimal> By(Func<DonorFunds, bool> which, Func<DonorFunds, decimal> amount) =>
            funds.Where(which).GroupBy(f => f.Donor).ToDictionary(g => g.Key, g => g.Sum(amount));

        var inPeriod = By(f => f.Basis == UtilisationBasis.Unearmarked, f => f.InPeriod);
        if (inPeriod.Values.Sum() > 0m)
        {
            return inPeriod;
        }

        var toDate = By(f => f.Basis == UtilisationBasis.Unearmarked, f => f.ToDate);
        return toDate.Values.Sum() > 0m ? toDate : By(_ => true, f => f.ToDate);
    }

    private static IEnumerable<Attribution> InCents(SpendingItem item, Dictionary<(Guid Donor, UtilisationBasis Basis), decimal> shares)
    {
        var keys = shares.Keys.OrderBy(k => k.Donor).ThenBy(k => k.Basis).ToList();
        var cents = LargestRemainder.Split(item.Amount, keys.Select(k => Math.Max(0m, shares[k])).ToList());
        return keys.Select((k, n) => new Attribution(k.Donor, item, k.Basis, cents[n])).Where(a => a.Amount != 0m);
    }

    private static void Add(Dictionary<(Guid, UtilisationBasis), decimal> shares, (Guid, UtilisationBasis) key, decimal amount) =>
        shares[key] = shares.GetValueOrDefault(key) + amount;
}
