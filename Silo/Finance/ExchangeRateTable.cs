using FundManager.Common;

namespace FundManager.Finance;

/// <summary>
/// A set of operational rates. The rate that applies on a date is the newest one effective
/// on or before it; with none, conversion is refused (never a silent 1.0).
/// </summary>
public sealed class ExchangeRateTable
{
    private readonly Dictionary<CurrencyCode, List<ExchangeRate>> _byCurrency = new();

    public ExchangeRateTable(IEnumerable<ExchangeRate> rates)
    {
        foreach (var rate in rates)
        {
            if (!_byCurrency.TryGetValue(rate.Currency, out var list))
            {
                _byCurrency[rate.Currency] = list = [];
            }

            list.Add(rate);
        }

        foreach (var list in _byCurrency.Values)
        {
            list.Sort((a, b) => a.EffectiveOn.CompareTo(b.EffectiveOn));
        }
    }

    /// <summary>The rate in force on <paramref name="on"/>; throws <see cref="BusinessRule.NoExchangeRate"/> if none.</summary>
    public ExchangeRate RateOn(CurrencyCode currency, DateOnly on)
    {
        if (currency == CurrencyCode.Usd)
        {
            return ExchangeRate.UsdIdentity(on);
        }

        ExchangeRate? found = null;
        if (_byCurrency.TryGetValue(currency, out var list))
        {
            foreach (var rate in list)
            {
                if (rate.EffectiveOn > on)
                {
                    break;
                }

                found = rate;
            }
        }

        return found ?? throw NoRate(currency, on);
    }

    public static RuleViolation NoRate(CurrencyCode currency, DateOnly on) =>
        RuleViolation.Of(
            BusinessRule.NoExchangeRate,
            $"No operational rate of exchange for {currency} is effective on or before {on:yyyy-MM-dd}.",
            "currency",
            ("currency", currency.Code),
            ("date", on));
}
