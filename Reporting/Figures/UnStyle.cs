using System.Globalization;

namespace FundManager.Reporting.Figures;

/// <summary>
/// Figures and dates as United Nations documents write them: <c>US$ 1,234,567</c>, <c>31 December 2025</c>, <c>25%</c>.
/// One place, so the workbook's labels, the narrative and the statements never write the same thing two ways.
/// </summary>
public static class UnStyle
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    /// <summary>Whole US dollars, rounded half away from zero: <c>US$ 1,234,567</c>; negatives as <c>-US$ 1,234</c>.</summary>
    public static string Usd(decimal amount) =>
        (amount < 0 ? "-" : "") + "US$ " + Math.Abs(decimal.Round(amount, 0, MidpointRounding.AwayFromZero)).ToString("#,##0", English);

    /// <summary>US dollars to the cent: <c>US$ 1,234,567.89</c>.</summary>
    public static string UsdCents(decimal amount) =>
        (amount < 0 ? "-" : "") + "US$ " + Math.Abs(amount).ToString("#,##0.00", English);

    /// <summary>An amount in its own currency, to its minor unit: <c>NOK 1,500,000.00</c>, <c>JPY 2,000,000</c>.</summary>
    public static string Amount(decimal amount, string currency, int minorUnits) =>
        currency + " " + amount.ToString(minorUnits == 0 ? "#,##0" : "#,##0." + new string('0', minorUnits), English);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    /// <summary>A share as a whole percentage: 0.256 → <c>26%</c>.</summary>
    public static string Percent(decimal share) => decimal.Round(share * 100m, 0, MidpointRounding.AwayFromZero).ToString("0", English) + "%";

    public static string Number(decimal value) => value.ToString("#,##0.##", English);
}
