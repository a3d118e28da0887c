using FundManager.Common;
using FundManager.Finance;

namespace FundManager.Api.Payments;

/// <summary>
/// Stripe counts amounts as integers in the currency's minor unit: cents for USD, but yen for JPY and francs for XOF
/// (ISO 4217's minor units: 0 for JPY, KRW, CLP, XOF, XAF; 3 for KWD).
/// </summary>
public static class StripeAmounts
{
    public static long ToMinor(Money money) => (long)(money.Amount * Scale(money.Currency));

    public static Money FromMinor(long minor, string? currency, string field)
    {
        var code = CurrencyCode.TryParse(currency?.ToUpperInvariant(), out var parsed)
            ? parsed
            : throw RuleViolation.Of(BusinessRule.UnknownCurrency, $"'{currency}' is not an ISO 4217 currency code.", field);
        return new Money(minor / Scale(code), code);
    }

    private static decimal Scale(CurrencyCode currency)
    {
        var scale = 1m;
        for (var i = 0; i < currency.MinorUnits; i++)
        {
            scale *= 10m;
        }

        return scale;
    }
}
