using FundManager.Common;
using FundManager.Reference;

namespace FundManager.Finance;

/// <summary>
/// An active ISO 4217 currency, with the number of digits of its minor unit
/// (0 for JPY, 2 for EUR, 3 for KWD). Only codes in <c>config/reference/currencies.csv</c> exist.
/// </summary>
public readonly record struct CurrencyCode : IComparable<CurrencyCode>
{
    private CurrencyCode(string code, int minorUnits)
    {
        Code = code;
        MinorUnits = minorUnits;
    }

    /// <summary>The three-letter code, upper case.</summary>
    public string Code { get; }

    /// <summary>Digits after the decimal point in the currency's smallest unit.</summary>
    public int MinorUnits { get; }

    public static CurrencyCode Usd { get; } = Parse("USD");

    /// <summary>Parses a code; throws <see cref="BusinessRule.UnknownCurrency"/> for anything not an active ISO 4217 currency.</summary>
    public static CurrencyCode Parse(string? code, string field = "currency") =>
        TryParse(code, out var currency)
            ? currency
            : throw RuleViolation.Of(BusinessRule.UnknownCurrency, $"'{code}' is not an active ISO 4217 currency code.", field, ("currency", code));

    public static bool TryParse(string? code, out CurrencyCode currency)
    {
        currency = default;
        if (code is null || code.Length != 3)
        {
            return false;
        }

        var info = CurrencyCatalog.Default.Find(code.ToUpperInvariant());
        if (info is null)
        {
            return false;
        }

        currency = new CurrencyCode(info.Code, info.MinorUnits);
        return true;
    }

    public int CompareTo(CurrencyCode other) => string.CompareOrdinal(Code, other.Code);

    public bool Equals(CurrencyCode other) => string.Equals(Code, other.Code, StringComparison.Ordinal);

    public override int GetHashCode() => Code?.GetHashCode(StringComparison.Ordinal) ?? 0;

    public override string ToString() => Code ?? "";
}
