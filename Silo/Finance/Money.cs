using System.Globalization;
using FundManager.Common;

namespace FundManager.Finance;

/// <summary>
/// An amount of one currency. Arithmetic and comparison between two currencies throw
/// <see cref="InvalidOperationException"/>: mixing currencies almost always indicates a bug,
/// and conversion must go through an <see cref="ExchangeRate"/>.
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    /// <summary>Amounts at or above 10^15 units are refused: no fund handles them and they hide typing errors.</summary>
    public const decimal MaxMagnitude = 1_000_000_000_000_000m;

    public Money(decimal amount, CurrencyCode currency)
    {
        Preconditions.Require(currency.Code is not null, nameof(currency), "A currency is required.");
        Amount = amount;
        Currency = currency;
    }

    public decimal Amount { get; }

    public CurrencyCode Currency { get; }

    public bool IsZero => Amount == 0m;

    public bool IsPositive => Amount > 0m;

    public bool IsNegative => Amount < 0m;

    public static Money Zero(CurrencyCode currency) => new(0m, currency);

    public static Money Usd(decimal amount) => new(amount, CurrencyCode.Usd);

    /// <summary>
    /// Money typed by a person: positive, no more decimals than the currency's minor unit,
    /// below <see cref="MaxMagnitude"/>. Throws a <see cref="RuleViolation"/> naming <paramref name="field"/>.
    /// </summary>
    public static Money Entered(decimal amount, CurrencyCode currency, string field = "amount")
    {
        if (amount <= 0m)
        {
            throw RuleViolation.Of(BusinessRule.AmountMustBePositive, $"{field} must be greater than zero.", field, ("amount", amount));
        }

        if (amount >= MaxMagnitude)
        {
            throw RuleViolation.Of(BusinessRule.AmountTooLarge, $"{field} must be below 10^15.", field, ("amount", amount));
        }

        var money = new Money(amount, currency);
        if (money.Rounded() != money)
        {
            throw RuleViolation.Of(
                BusinessRule.AmountPrecisionExceedsCurrency,
                $"{field} has more decimals than {currency.Code} allows ({currency.MinorUnits}).",
                field,
                ("amount", amount),
                ("currency", currency.Code));
        }

        return money;
    }

    /// <summary>Rounds to the currency's minor unit, half away from zero (the convention of UN financial statements).</summary>
    public Money Rounded() => new(Round(Amount, Currency), Currency);

    /// <summary>Rounds an amount of <paramref name="currency"/> to its minor unit, half away from zero.</summary>
    public static decimal Round(decimal amount, CurrencyCode currency) =>
        decimal.Round(amount, currency.MinorUnits, MidpointRounding.AwayFromZero);

    public static Money operator +(Money left, Money right) => new(left.Amount + right.SameCurrencyAs(left).Amount, left.Currency);

    public static Money operator -(Money left, Money right) => new(left.Amount - right.SameCurrencyAs(left).Amount, left.Currency);

    public static Money operator -(Money value) => new(-value.Amount, value.Currency);

    public static Money operator *(Money left, decimal factor) => new(left.Amount * factor, left.Currency);

    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    public static Money Min(Money a, Money b) => a <= b ? a : b;

    public static Money Max(Money a, Money b) => a >= b ? a : b;

    /// <summary>Sums amounts that must all be in <paramref name="currency"/>.</summary>
    public static Money Sum(IEnumerable<Money> values, CurrencyCode currency) =>
        values.Aggregate(Zero(currency), (total, next) => total + next);

    public int CompareTo(Money other) => Amount.CompareTo(other.SameCurrencyAs(this).Amount);

    private Money SameCurrencyAs(Money other) =>
        Currency == other.Currency
            ? this
            : throw new InvalidOperationException($"Cannot combine {Currency} with {other.Currency}; convert first.");

    public override string ToString() =>
        $"{Amount.ToString("N" + Currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)} {Currency}";
}
