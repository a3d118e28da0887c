using FundManager.Tests.Infrastructure;

namespace FundManager.Tests.Reference;

public sealed class CatalogTests
{
    [Fact]
    public void All_169_SDG_targets_are_known()
    {
        var targets = SdgCatalog.Default.All;
        Assert.Equal(169, targets.Count);
        Assert.Equal(17, targets.Select(t => t.Goal).Distinct().Count());
        Assert.StartsWith("Significantly reduce all forms of violence", SdgCatalog.Default.Find("16.1")!.Title, StringComparison.Ordinal);
        Assert.Equal("16.a", SdgCatalog.Default.Find("16.A")!.Id);
        Assert.NotNull(SdgCatalog.Default.Find("17.19"));
        Assert.Null(SdgCatalog.Default.Find("16.11"));
        Assert.Null(SdgCatalog.Default.Find("18.1"));

        // A title folded over lines in the YAML is one line of words.
        Assert.Equal(
            "By 2030, eradicate extreme poverty for all people everywhere, currently measured as people living on less than $1.25 a day",
            SdgCatalog.Default.Find("1.1")!.Title);
    }

    [Fact]
    public void Reference_csv_fields_are_read_as_written_quoted_commas_and_letters_beyond_ascii_included()
    {
        Assert.Equal("Bonaire, Sint Eustatius and Saba", CountryCatalog.Default.Get(CountryCode.Parse("BES")).Name);
        Assert.Equal("Côte d’Ivoire", CountryCatalog.Default.Get(CountryCode.Parse("CIV")).Name);
        Assert.Equal("Türkiye", CountryCatalog.Default.Get(CountryCode.Parse("TUR")).Name);
    }

    [Theory]
    [InlineData("PRY", OhchrRegion.Americas)]
    [InlineData("KEN", OhchrRegion.Africa)]
    [InlineData("FJI", OhchrRegion.AsiaPacific)]
    [InlineData("GEO", OhchrRegion.EuropeAndCentralAsia)]
    [InlineData("KGZ", OhchrRegion.EuropeAndCentralAsia)]
    [InlineData("JOR", OhchrRegion.MiddleEastAndNorthAfrica)]
    [InlineData("MAR", OhchrRegion.MiddleEastAndNorthAfrica)]
    [InlineData("MRT", OhchrRegion.MiddleEastAndNorthAfrica)]
    [InlineData("TUR", OhchrRegion.EuropeAndCentralAsia)]
    public void Countries_fall_in_their_OHCHR_region(string code, OhchrRegion region) =>
        Assert.Equal(region, CountryCatalog.Default.Get(CountryCode.Parse(code)).OhchrRegion);

    [Fact]
    public void Every_country_with_an_M49_region_has_an_OHCHR_region_and_all_five_are_used()
    {
        var countries = CountryCatalog.Default.All;
        Assert.True(countries.Count >= 240);
        Assert.All(countries.Where(c => c.M49Region.Length > 0), c => Assert.NotNull(c.OhchrRegion));
        Assert.Equal(5, countries.Select(c => c.OhchrRegion).OfType<OhchrRegion>().Distinct().Count());
    }

    [Fact]
    public void Development_flags_and_regional_groups_are_carried()
    {
        var nepal = CountryCatalog.Default.Get(CountryCode.Parse("NPL"));
        Assert.True(nepal.IsLeastDeveloped && nepal.IsLandlocked && !nepal.IsSmallIslandState);
        Assert.True(CountryCatalog.Default.Get(CountryCode.Parse("FJI")).IsSmallIslandState);
        Assert.Equal("African States", CountryCatalog.Default.Get(CountryCode.Parse("CIV")).UnRegionalGroup);
        Assert.Equal("Western European and other States", CountryCatalog.Default.Get(CountryCode.Parse("NLD")).UnRegionalGroup);
        Assert.Equal("Latin American and Caribbean States", CountryCatalog.Default.Get(CountryCode.Parse("PRY")).UnRegionalGroup);
        Assert.InRange(CountryCatalog.Default.All.Count(c => c.UnRegionalGroup is not null), 190, 193);
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("PY")]
    [InlineData("P1Y")]
    public void Unknown_countries_are_refused(string code) =>
        Refusals.AssertRefused(BusinessRule.UnknownCountry, () => CountryCode.Parse(code));

    [Theory]
    [InlineData("Bolivia (Plurinational State of)", "BOL")]
    [InlineData("bolivia", "BOL")]
    [InlineData("Côte d'Ivoire", "CIV")]
    [InlineData("Cote d’Ivoire", "CIV")]
    [InlineData("Türkiye", "TUR")]
    [InlineData("Turkey", "TUR")]
    [InlineData("United Kingdom of Great Britain and Northern Ireland", "GBR")]
    [InlineData("Czech Republic", "CZE")]
    [InlineData("PRY", "PRY")]
    [InlineData(" Paraguay ", "PRY")]
    public void A_country_is_found_by_the_name_a_UN_document_gives_it(string name, string code) =>
        Assert.Equal(code, CountryCatalog.Default.FindByName(name)?.Code.Value);

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("")]
    [InlineData("ZZZ")]
    public void A_name_no_list_gives_finds_nothing(string name) => Assert.Null(CountryCatalog.Default.FindByName(name));
}
