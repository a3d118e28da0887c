using System.Globalization;

namespace FundManager.Reference;

/// <summary>The countries of <c>config/reference/unsd_m49_countries.csv</c>, with OHCHR regions and UN regional groups joined in.</summary>
public sealed class CountryCatalog
{
    private readonly Dictionary<CountryCode, Country> _byCode;
    private readonly Dictionary<string, CountryCode> _byName;

    private CountryCatalog(IEnumerable<Country> countries, Dictionary<string, CountryCode> byName)
    {
        _byCode = countries.ToDictionary(c => c.Code);
        _byName = byName;
    }

    public static CountryCatalog Default { get; } = Load();

    public IReadOnlyCollection<Country> All => _byCode.Values;

    public Country? Find(CountryCode code) => _byCode.GetValueOrDefault(code);

    /// <summary>The country's name, or its code when the catalogue does not know it.</summary>
    public string NameOf(CountryCode code) => Find(code)?.Name ?? code.Value;

    /// <summary>
    /// The country a name written in a UN document means: its M49 name (<c>Bolivia (Plurinational State of)</c>), an ISO
    /// alpha-3 code, or a name in <c>country_name_aliases.csv</c>; compared without case or apostrophe style.
    /// </summary>
    public Country? FindByName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        return CountryCode.TryParse(name.Trim(), out var code) && Find(code) is { } byCode
            ? byCode
            : _byName.TryGetValue(NameKey(name), out var named) ? Find(named) : null;
    }

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

        // Names as UN lists write them: M49's, then the aliases (the regional-groups list, for one, writes
        // "Netherlands" and "Côte d'Ivoire" with a straight apostrophe).
        var rows = ReferenceFile.Csv("unsd_m49_countries.csv").Where(row => CountryCode.TryParse(row["iso_alpha3"], out _)).ToList();
        var byName = new Dictionary<string, CountryCode>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            byName[NameKey(row["country_or_area"])] = Code(row["iso_alpha3"], "unsd_m49_countries.csv");
        }

        foreach (var row in ReferenceFile.Csv("country_name_aliases.csv"))
        {
            byName[NameKey(row["name"])] = Code(row["iso_alpha3"], "country_name_aliases.csv");
        }

        var groups = new Dictionary<CountryCode, string>();
        foreach (var row in ReferenceFile.Csv("UN_regional_groups.csv"))
        {
            if (byName.TryGetValue(NameKey(row["country"]), out var member))
            {
                groups[member] = row["regional_group"];
            }
        }

        var countries = new List<Country>();
        foreach (var row in rows)
        {
            var code = Code(row["iso_alpha3"], "unsd_m49_countries.csv");
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
                groups.GetValueOrDefault(code)));
        }

        return new CountryCatalog(countries, byName);
    }

    // Not CountryCode.Parse: that checks the code against this catalogue, which is being built.
    private static CountryCode Code(string value, string file) =>
        CountryCode.TryParse(value, out var code) ? code : throw new InvalidDataException($"{file}: '{value}' is not an alpha-3 code.");

    // Without case or apostrophe style. Accents stay (the program runs with invariant globalization, which cannot
    // decompose them); the names written without them are aliases.
    private static string NameKey(string name) => name.Trim().Replace('’', '\'').ToLowerInvariant();
}
