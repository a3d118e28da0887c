using System.Globalization;

namespace FundManager.Reporting.Charts;

/// <summary>
/// Value labels as UN reports print them, identical in every medium and culture: <c>US$ 1,234,567</c> in whole dollars
/// (half a dollar rounds away from zero), <c>-US$ 1,234</c> below zero, and shares as <c>25%</c> or <c>12.5%</c>,
/// closed up as the English-language UN documents print the sign in tables and figures.
/// </summary>
internal static class ChartFormat
{
    public static string Value(decimal value, ChartValueFormat format) => format switch
    {
        ChartValueFormat.Usd => Usd(value),
        ChartValueFormat.Percent => Percent(value),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown chart value format."),
    };

    public static string Usd(decimal amount)
    {
        var whole = Math.Round(amount, 0, MidpointRounding.AwayFromZero);
        var text = "US$ " + Math.Abs(whole).ToString("N0", CultureInfo.InvariantCulture);
        return whole < 0 ? "-" + text : text;
    }

    /// <summary>A share (0.25) as a percentage to at most one decimal (<c>25%</c>).</summary>
    public static string Percent(decimal share)
    {
        var percent = Math.Round(share * 100, 1, MidpointRounding.AwayFromZero);
        return percent.ToString("#,0.#", CultureInfo.InvariantCulture) + "%";
    }
}
