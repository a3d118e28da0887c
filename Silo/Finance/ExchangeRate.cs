using FundManager.Common;

namespace FundManager.Finance;

/// <summary>
/// A UN operational rate of exchange: <see cref="UnitsPerUsd"/> units of <see cref="Currency"/>
/// buy one US dollar, from <see cref="EffectiveOn"/> until a newer rate takes effect.
/// </summary>
public sealed record ExchangeRate
{
    public ExchangeRate(CurrencyCode currency, decimal unitsPerUsd, DateOnly effectiveOn)
    {
        if (unitsPerUsd <= 0m || unitsPerUsd >= 1_000_000_000m)
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, "A rate must be greater than zero and below 10^9 units per USD.", "rate", ("rate", unitsPerUsd));
        }

        // Recorded to ten decimals (numeric(28, 10)): more would be rounded away, and the same rate imported again would differ.
        if (decimal.Round(unitsPerUsd, 10) != unitsPerUsd)
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, "A rate has at most ten decimals.", "rate", ("rate", unitsPerUsd));
        }

        if (currency == CurrencyCode.Usd && unitsPerUsd != 1m)
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, "The US dollar is worth exactly one US dollar.", "rate");
        }

        Currency = currency;
        UnitsPerUsd = unitsPerUsd;
        EffectiveOn = effectiveOn;
    }

    public CurrencyCode Currency { get; }

    public decimal UnitsPerUsd { get; }

    public DateOnly EffectiveOn { get; }

    /// <summary>The USD value of <paramref name="amount"/>, rounded to the cent half away from zero.</summary>
    public Money ToUsd(Money amount)
    {
        if (amount.Currency != Currency)
        {
            throw new InvalidOperationException($"A {Currency} rate cannot convert {amount.Currency}.");
        }

        return new Money(amount.Amount / UnitsPerUsd, CurrencyCode.Usd).Rounded();
    }

    /// <summary>The identity rate of the base currency.</summary>
    public static ExchangeRate UsdIdentity(DateOnly on) => new(CurrencyCode.Usd, 1m, on);
}
