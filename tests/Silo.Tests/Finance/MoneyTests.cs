using FundManager.Tests.Infrastructure;

namespace FundManager.Tests.Finance;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("JPY", "1234.5", "1235")]
    [InlineData("KRW", "-1234.5", "-1235")]
    [InlineData("CLP", "0.49", "0")]
    [InlineData("XOF", "10.5", "11")]
    [InlineData("XAF", "2.5", "3")]
    [InlineData("USD", "0.005", "0.01")]
    [InlineData("EUR", "-0.015", "-0.02")]
    [InlineData("KWD", "1.2345", "1.235")]
    [InlineData("BHD", "0.0004", "0.000")]
    [InlineData("JOD", "9.9995", "10.000")]
    [InlineData("OMR", "1.0005", "1.001")]
    [InlineData("TND", "2.0004", "2.000")]
    public void Rounds_to_the_currency_minor_unit_half_away_from_zero(string currency, string amount, string expected)
    {
        var money = new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), CurrencyCode.Parse(currency));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), money.Rounded().Amount);
    }

    [Theory]
    [InlineData("JPY", 0)]
    [InlineData("KRW", 0)]
    [InlineData("CLP", 0)]
    [InlineData("XOF", 0)]
    [InlineData("XAF", 0)]
    [InlineData("USD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("BHD", 3)]
    [InlineData("JOD", 3)]
    [InlineData("KWD", 3)]
    [InlineData("OMR", 3)]
    [InlineData("TND", 3)]
    public void Knows_each_currency_minor_unit(string currency, int digits) =>
        Assert.Equal(digits, CurrencyCode.Parse(currency).MinorUnits);

    [Theory]
    [InlineData("0", "USD", BusinessRule.AmountMustBePositive)]
    [InlineData("-5", "USD", BusinessRule.AmountMustBePositive)]
    [InlineData("10.001", "USD", BusinessRule.AmountPrecisionExceedsCurrency)]
    [InlineData("100.5", "JPY", BusinessRule.AmountPrecisionExceedsCurrency)]
    [InlineData("1.2345", "KWD", BusinessRule.AmountPrecisionExceedsCurrency)]
    [InlineData("1000000000000000", "USD", BusinessRule.AmountTooLarge)]
    public void Refuses_amounts_a_person_cannot_mean(string amount, string currency, BusinessRule rule)
    {
        var refusal = Refusals.AssertRefused(rule, () => Money.Entered(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), CurrencyCode.Parse(currency)));
        Assert.Equal("amount", refusal.Field);
    }

    [Fact]
    public void Accepts_the_largest_amounts_at_full_precision()
    {
        Assert.Equal(999_999_999_999_999.99m, Money.Entered(999_999_999_999_999.99m, CurrencyCode.Usd).Amount);
        Assert.Equal(1.234m, Money.Entered(1.234m, CurrencyCode.Parse("KWD")).Amount);
    }

    [Fact]
    public void Currency_codes_are_read_case_insensitively() => Assert.Equal(CurrencyCode.Usd, CurrencyCode.Parse("usd"));

    [Theory]
    [InlineData("XXX")]
    [InlineData("US")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_currencies_are_refused(string? code)
    {
        Refusals.AssertRefused(BusinessRule.UnknownCurrency, () => CurrencyCode.Parse(code));
    }

    [Fact]
    public void Mixing_currencies_always_throws()
    {
        var usd = Money.Usd(1m);
        var eur = new Money(1m, CurrencyCode.Parse("EUR"));
        Assert.Throws<InvalidOperationException>(() => usd + eur);
        Assert.Throws<InvalidOperationException>(() => usd - eur);
        Assert.Throws<InvalidOperationException>(() => usd < eur);
        Assert.Throws<InvalidOperationException>(() => Money.Sum([usd, eur], CurrencyCode.Usd));
    }

    [Fact]
    public void Addition_within_a_currency_is_exact_and_associative()
    {
        var a = Money.Usd(0.1m);
        var b = Money.Usd(0.2m);
        var c = Money.Usd(0.3m);
        Assert.Equal((a + b) + c, a + (b + c));
        Assert.Equal(Money.Usd(0.6m), a + b + c);
        Assert.Equal(Money.Usd(0m), a - a);
    }

    [Fact]
    public void The_newest_rate_on_or_before_the_date_applies()
    {
        var eur = CurrencyCode.Parse("EUR");
        var table = new ExchangeRateTable([
            new ExchangeRate(eur, 0.95m, new DateOnly(2024, 7, 1)),
            new ExchangeRate(eur, 0.90m, new DateOnly(2024, 1, 1)),
            new ExchangeRate(eur, 0.92m, new DateOnly(2024, 7, 15)),
        ]);

        Assert.Equal(0.90m, table.RateOn(eur, new DateOnly(2024, 6, 30)).UnitsPerUsd);
        Assert.Equal(0.95m, table.RateOn(eur, new DateOnly(2024, 7, 1)).UnitsPerUsd);
        Assert.Equal(0.95m, table.RateOn(eur, new DateOnly(2024, 7, 14)).UnitsPerUsd);
        Assert.Equal(0.92m, table.RateOn(eur, new DateOnly(2030, 1, 1)).UnitsPerUsd);
        var none = Refusals.AssertRefused(BusinessRule.NoExchangeRate, () => table.RateOn(eur, new DateOnly(2023, 12, 31)));
        Refusals.AssertRefused(BusinessRule.NoExchangeRate, () => table.RateOn(CurrencyCode.Parse("NOK"), new DateOnly(2024, 8, 1)));
        Assert.Equal(1m, table.RateOn(CurrencyCode.Usd, new DateOnly(2000, 1, 1)).UnitsPerUsd);
    }

    [Theory]
    [InlineData("EUR", "90000", "0.95", "94736.84")]
    [InlineData("JPY", "1000000", "140", "7142.86")]
    [InlineData("KWD", "1000.000", "0.3070", "3257.33")]
    [InlineData("EUR", "0.01", "3", "0.00")]
    public void Conversion_to_dollars_rounds_to_the_cent(string currency, string amount, string rate, string usd)
    {
        var code = CurrencyCode.Parse(currency);
        var value = new ExchangeRate(code, decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2024, 1, 1))
            .ToUsd(new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), code));
        Assert.Equal(Money.Usd(decimal.Parse(usd, System.Globalization.CultureInfo.InvariantCulture)), value);
    }

    [Fact]
    public void A_rate_must_be_positive_with_ten_decimals_at_most_and_the_dollar_is_one()
    {
        Refusals.AssertRefused(BusinessRule.InvalidInput, () => new ExchangeRate(CurrencyCode.Parse("EUR"), 0m, new DateOnly(2024, 1, 1)));
        Refusals.AssertRefused(BusinessRule.InvalidInput, () => new ExchangeRate(CurrencyCode.Usd, 1.1m, new DateOnly(2024, 1, 1)));
        Refusals.AssertRefused(BusinessRule.InvalidInput, () => new ExchangeRate(CurrencyCode.Parse("EUR"), 0.12345678901m, new DateOnly(2024, 1, 1)));
        Assert.Equal(0.1234567890m, new ExchangeRate(CurrencyCode.Parse("EUR"), 0.1234567890m, new DateOnly(2024, 1, 1)).UnitsPerUsd);
    }
}
