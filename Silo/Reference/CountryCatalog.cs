using System.Globalization;

namespace FundManager.Reference;

/// <summary>The countries of <c>config/reference/unsd_m49_countries.csv</c>, with OHCHR regions and UN regional groups joined in.</summary>
public sealed class CountryCatalog
{
    // The regional-groups list writes two names differently from M49.
    private static readonly Dictionary<string, string> GroupNameAliases = new(StringComparer.Ordinal)
    {
        ["Côte d'Ivoire"] = "Côte d’Ivoire",
        ["Netherlands"] = "Netherlands (Kingdom of the)",
    };

    private readonly Dictionary<CountryCode, Country> _byCode;

    private CountryCatalog(IEnumerable<Country> countries) => _byCode = countries.ToDictionary(c => c.Code);

    public static CountryCatalog Default { get; } = Load();

    public IReadOnlyCollection<Country> All => _byCode.Values;

    public Country? Find(CountryCode code) => _byCode.GetValueOrDefault(code);

    /// <summary>The country's name, or its code when the catalogue does not know it.</summary>
    public string NameOf(CountryCode code) => Find(code)?.Name ?? code.Value;

    public Country Get(CountryCode code) =>
        Find(code) ?? throw RuleViolation.Of(BusinessRule.UnknownCountry, $"'{code}' is not an ISO 3166 alpha-3 country code.", "country", ("country", code.ToString()));

    private static CountryCatalog Load()
    {
        var regionBySubRegion = new Dictionary<string, OhchrRegion>(StringComparer.Ordinal);
        var regionByCountry = new Dictionary<string, OhchrRegion>(StringComparer.Ordinal);
        foreach (var row in ReferenceFile.Csv("ohchr_regions.csv"))
        {
            var region = Enum.Parse<OhchrRegion>(row["ohchr_region"]);
            (row["scope"] == "country" ? regionByCountry : regionBySubRegion)[row["key"]] = region;
        }

        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in ReferenceFile.Csv("UN_regional_groups.csv"))
        {
            var name = row["country"];
            groups[GroupNameAliases.GetValueOrDefault(name, name)] = row["regional_group"];
        }

        var countries = new List<Country>();
        foreach (var row in ReferenceFile.Csv("unsd_m49_countries.csv"))
        {
            if (!CountryCode.TryParse(row["iso_alpha3"], out var code))
            {
                continue;
            }

            var name = row["country_or_area"];
            OhchrRegion? region = regionByCountry.TryGetValue(code.Value, out var r) ? r
                : regionBySubRegion.TryGetValue(row["sub_region_name"], out var s) ? s
                : null;
            countries.Add(new Country(
                code,
                row["iso_alpha2"],
                name,
                int.Parse(row["m49_code"], CultureInfo.InvariantCulture),
                row["region_name"],
                row["sub_region_name"],
                bool.Parse(row["is_ldc"]),
                bool.Parse(row["is_lldc"]),
                bool.Parse(row["is_sids"]),
                region,
                groups.GetValueOrDefault(name)));
        }

        return new CountryCatalog(countries);
    }
}
