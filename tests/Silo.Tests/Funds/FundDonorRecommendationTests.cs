using FundManager.Donors;
using FundManager.Entities;
using FundManager.Funds;
using FundManager.Recommendations;
using FundManager.Tests.Infrastructure;

namespace FundManager.Tests.Funds;

public sealed class FundDonorRecommendationTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static global::FundManager.Persistence.CommandContext Admin => Scenario.As("admin@test.org");

    [Fact]
    public async Task A_fund_has_default_rates_a_unique_code_and_an_empty_ledger()
    {
        var code = "F" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await db.System.Funds.HandleAsync(new CreateFund(code, "Voluntary Fund"), Admin);

        var fund = await db.System.Entities.LoadAsync<Fund, FundEvent>(StreamId.For(FundCode.Parse(code)));
        Assert.Equal(0.13m, fund.PscRate);
        Assert.Equal(0.15m, fund.ReserveRate);
        Assert.Equal(CurrencyCode.Usd, fund.BaseCurrency);
        Assert.False(fund.RequiresUprRecommendations);
        Assert.Equal(0m, (await db.System.Ledger.TrialBalanceAsync(fund.Code)).TotalDebit);
        await Refusals.AssertRefusedAsync(BusinessRule.EntityAlreadyExists, () => db.System.Funds.HandleAsync(new CreateFund(code.ToLowerInvariant(), "Again"), Admin));
    }

    [Theory]
    [InlineData("x", 0.13, 0.15, BusinessRule.InvalidFundCode)]
    [InlineData("UPR VFTA", 0.13, 0.15, BusinessRule.InvalidFundCode)]
    [InlineData("OKCODE", 1.0, 0.15, BusinessRule.RateOutOfRange)]
    [InlineData("OKCODE", -0.01, 0.15, BusinessRule.RateOutOfRange)]
    [InlineData("OKCODE", 0.13, 0.12345, BusinessRule.RateOutOfRange)]
    public async Task Bad_funds_are_refused(string code, double psc, double reserve, BusinessRule rule)
    {
        var refusal = await Refusals.AssertRefusedAsync(rule, () => db.System.Funds.HandleAsync(new CreateFund(code, "Fund", (decimal)psc, (decimal)reserve), Admin));
    }

    [Fact]
    public async Task UPR_funds_require_recommendations_by_default()
    {
        var code = "UPR-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await db.System.Funds.HandleAsync(new CreateFund(code, "UPR fund"), Admin);
        Assert.True((await db.System.Entities.LoadAsync<Fund, FundEvent>(StreamId.For(FundCode.Parse(code)))).RequiresUprRecommendations);
    }

    [Fact]
    public async Task A_Member_State_donor_needs_a_known_country()
    {
        await Refusals.AssertRefusedAsync(BusinessRule.MemberStateNeedsCountry, () => db.System.Donors.HandleAsync(new RegisterDonor("Norway", DonorType.MemberState), Admin));
        await Refusals.AssertRefusedAsync(BusinessRule.UnknownCountry, () => db.System.Donors.HandleAsync(new RegisterDonor("Atlantis", DonorType.MemberState, "ATL"), Admin));

        var id = Guid.NewGuid();
        await db.System.Donors.HandleAsync(new RegisterDonor("  Norway ", DonorType.MemberState, "nor", id), Admin);
        var donor = await db.System.Entities.LoadAsync<Donor, DonorEvent>(StreamId.For(new DonorId(id)));
        Assert.Equal("Norway", donor.Name);
        Assert.Equal(CountryCode.Parse("NOR"), donor.Country);
        await db.System.Donors.HandleAsync(new RegisterDonor("Rights Foundation", DonorType.Foundation), Admin);
    }

    [Fact]
    public async Task A_recommendation_is_registered_once_with_known_States_and_targets()
    {
        var id = "PRY-" + Guid.NewGuid().ToString("N")[..6];
        var command = new RegisterRecommendation(id, "PRY", ["URY", "ARG"], 4, 43, "Strengthen SIMORE", ["National mechanisms"], ["16.6", "17.18"], RecommendationPosition.Supported);
        await db.System.Recommendations.HandleAsync(command, Admin);

        var recommendation = await db.System.Entities.LoadAsync<UprRecommendation, RecommendationEvent>(StreamId.ForRecommendation(id));
        Assert.Equal(CountryCode.Parse("PRY"), recommendation.StateUnderReview);
        Assert.Equal(["16.6", "17.18"], recommendation.SdgTargets);
        await Refusals.AssertRefusedAsync(BusinessRule.EntityAlreadyExists, () => db.System.Recommendations.HandleAsync(command, Admin));
        await Refusals.AssertRefusedAsync(BusinessRule.UnknownSdgTarget, () => db.System.Recommendations.HandleAsync(command with { Id = id + "b", SdgTargets = ["18.1"] }, Admin));
        await Refusals.AssertRefusedAsync(BusinessRule.UnknownCountry, () => db.System.Recommendations.HandleAsync(command with { Id = id + "c", RecommendingStates = ["ZZZ"] }, Admin));
    }

    [Fact]
    public void An_import_registers_a_new_recommendation_revises_a_changed_one_and_records_nothing_for_the_same()
    {
        var command = new RegisterRecommendation("uhri-1", "PRY", ["URY"], 4, 43, "Strengthen SIMORE", ["National mechanisms"], ["16.6"], RecommendationPosition.Supported, ["General"], "A/HRC/53/9");
        var recommendation = new UprRecommendation();
        var registered = Assert.IsType<RecommendationRegistered>(Assert.Single(recommendation.Import("uhri-1", command)));
        recommendation.Apply(registered);
        Assert.Equal(["General"], recommendation.AffectedPersons);
        Assert.Equal("A/HRC/53/9", recommendation.DocumentSymbol);

        Assert.Empty(recommendation.Import("uhri-1", command));
        var revised = Assert.IsType<RecommendationRevised>(Assert.Single(recommendation.Import("uhri-1", command with { Position = RecommendationPosition.Noted, AffectedPersons = ["Women", "General"] })));
        recommendation.Apply(revised);
        Assert.Equal(RecommendationPosition.Noted, recommendation.Position);
        Assert.Equal(["Women", "General"], recommendation.AffectedPersons);
        Assert.Equal(2, recommendation.Version);
        Refusals.AssertRefused(BusinessRule.UnknownCountry, () => recommendation.Import("uhri-1", command with { StateUnderReview = "ZZZ" }));
    }
}
