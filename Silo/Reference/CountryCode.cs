namespace FundManager.Reference;

/// <summary>An ISO 3166-1 alpha-3 country code, such as <c>PRY</c>; only codes of <see cref="CountryCatalog"/> parse.</summary>
public readonly record struct CountryCode : IComparable<CountryCode>
{
    private CountryCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>Parses a known country's code; anything else is <see cref="BusinessRule.UnknownCountry"/>.</summary>
    public static CountryCode Parse(string? value) => Parse(value, "country");

    public static CountryCode Parse(string? value, string field) =>
        TryParse(value, out var code) && CountryCatalog.Default.Find(code) is not null
            ? code
            : throw RuleViolation.Of(BusinessRule.UnknownCountry, $"'{value}' is not an ISO 3166 alpha-3 country code.", field, ("country", value));

    /// <summary>Accepts any three ASCII letters (case-insensitive); whether the country exists is the catalog's answer.</summary>
    public static bool TryParse(string? value, out CountryCode code)
    {
        code = default;
        var candidate = value?.Trim();
        if (candidate is not { Length: 3 } || !candidate.All(char.IsAsciiLetter))
        {
            return false;
        }

        code = new CountryCode(candidate.ToUpperInvariant());
        return true;
    }

    public int CompareTo(CountryCode other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? "";
}
