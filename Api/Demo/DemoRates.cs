using FundManager.Finance;

namespace FundManager.Api.Demo;

/// <summary>
/// Monthly operational rates for the demo currencies, 2020–2027, effective on the 1st of each month:
/// a base rate moved by a fixed seasonal pattern, so every receipt meets a rate different from its
/// signing rate and posts an exchange difference.
/// </summary>
public static class DemoRates
{
    public static readonly IReadOnlyDictionary<string, decimal> BaseUnitsPerUsd = new Dictionary<string, decimal>
    {
        ["EUR"] = 0.9200m,
        ["NOK"] = 10.4500m,
        ["SEK"] = 10.3800m,
        ["CHF"] = 0.8900m,
        ["JPY"] = 140.2500m,
        ["GBP"] = 0.7900m,
        ["AUD"] = 1.5100m,
        ["DKK"] = 6.8600m,
        ["CAD"] = 1.3500m,
        ["KRW"] = 1310.0000m,
        ["KWD"] = 0.3070m,
    };

    public static IEnumerable<ExchangeRate> All() => Between(2020, 2027);

    /// <summary>Monthly rates, effective on the 1st, for the years given; the same rate for a month whichever data set asks.</summary>
    public static IEnumerable<ExchangeRate> Between(int firstYear, int lastYear)
    {
        for (var year = firstYear; year <= lastYear; year++)
        {
            for (var m = 1; m <= 12; m++)
            {
                var month = (year - 2020) * 12 + m - 1;
                foreach (var (code, rate) in BaseUnitsPerUsd)
                {
                    // A repeating swing of up to ±6%: deterministic, and different every month.
                    var swing = ((((month * 7) + code[0]) % 13 + 13) % 13 - 6) / 100m;
                    yield return new ExchangeRate(CurrencyCode.Parse(code), decimal.Round(rate * (1m + swing), 4), new DateOnly(year, m, 1));
                }
            }
        }
    }
}
