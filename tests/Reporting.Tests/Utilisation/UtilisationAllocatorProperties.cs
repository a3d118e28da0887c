using FsCheck;
using FsCheck.Fluent;
using FundManager.Reporting.Utilisation;

namespace FundManager.Reporting.Tests.Utilisation;

/// <summary>
/// Laws of the attribution, over random spending and random donors: every item is attributed exactly, to the cent;
/// nothing is negative or finer than a cent; earmarked money only ever pays for what its earmark matches; and donors
/// who gave nothing are attributed nothing.
/// </summary>
public sealed class UtilisationAllocatorProperties
{
    private static readonly string[] Countries = ["PRY", "KEN", "FJI"];
    private static readonly string[] Regions = ["Americas", "Africa", "AsiaPacific"];
    private static readonly string[] Sdgs = ["16.3", "5.1", "10.2"];
    private static readonly Guid[] Grants = [.. Enumerable.Range(1, 4).Select(i => new Guid(i, 0, 0, new byte[8]))];
    private static readonly Guid[] Donors = [.. Enumerable.Range(1, 6).Select(i => new Guid(0, (short)i, 0, new byte[8]))];

    [Fact]
    public void Attributions_add_up_to_each_item_and_respect_earmarks()
    {
        var cases = 0;
        Prop.ForAll(Arbitraries(), scenario =>
        {
            var (items, funds) = scenario;
            var attributions = UtilisationAllocator.Allocate(items, funds);
            foreach (var item in items)
            {
                Assert.Equal(item.Amount, attributions.Where(a => ReferenceEquals(a.Item, item)).Sum(a => a.Amount));
            }

            Assert.All(attributions, a => Assert.True(a.Amount > 0m && decimal.Round(a.Amount, 2) == a.Amount));
            foreach (var a in attributions.Where(a => a.Basis != UtilisationBasis.Unearmarked))
            {
                Assert.Contains(funds, f => f.Donor == a.Donor && f.Basis == a.Basis && f.InPeriod > 0m && a.Item.Matches(f.Basis, f.Target!));
            }

            Assert.All(attributions, a => Assert.Contains(funds, f => f.Donor == a.Donor && f.ToDate > 0m));
            cases++;
        }).QuickCheckThrowOnFailure();
        Assert.True(cases >= 100);
    }

    private static Arbitrary<(IReadOnlyList<SpendingItem> Items, IReadOnlyList<DonorFunds> Funds)> Arbitraries()
    {
        var cents = Gen.Choose(0, 5_000_000).Select(c => c / 100m);
        var item = from grant in Gen.Elements(Grants)
                   from country in Gen.Choose(0, 2)
                   from sdgs in Gen.SubListOf(Sdgs)
                   from kind in Gen.Elements(SpendingKind.Disbursement, SpendingKind.ProgrammeSupportCost)
                   from amount in Gen.Choose(1, 10_000_000).Select(c => c / 100m)
                   select new SpendingItem("F", grant, 1, new DateOnly(2025, 3, 1), kind, amount, Countries[country], Regions[country], sdgs.ToList());
        var fund = from donor in Gen.Elements(Donors)
                   from basis in Gen.Elements(Enum.GetValues<UtilisationBasis>())
                   from target in basis switch
                   {
                       UtilisationBasis.EarmarkedToGrant => Gen.Elements(Grants).Select(g => (string?)g.ToString("D")),
                       UtilisationBasis.EarmarkedToCountry => Gen.Elements(Countries).Select(c => (string?)c),
                       UtilisationBasis.EarmarkedToSdgTarget => Gen.Elements(Sdgs).Select(s => (string?)s),
                       UtilisationBasis.EarmarkedToRegion => Gen.Elements(Regions).Select(r => (string?)r),
                       _ => Gen.Constant((string?)null),
                   }
                   from inPeriod in cents
                   from earlier in cents
                   select new DonorFunds(donor, basis, target, inPeriod, inPeriod + earlier);
        var scenario = from items in Gen.ListOf(item).Select(l => (IReadOnlyList<SpendingItem>)l.Take(12).ToList())
                       from funds in Gen.NonEmptyListOf(fund).Select(l => (IReadOnlyList<DonorFunds>)l.Take(10).ToList())
                       where items.Count == 0 || funds.Sum(f => f.ToDate) > 0m
                       select (items, funds);
        return scenario.ToArbitrary();
    }
}
