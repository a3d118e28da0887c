using System.Globalization;

namespace FundManager.Reporting.Charts;

/// <summary>
/// A value axis that always includes zero (bars start there) and runs between multiples of a round step of 1, 2, 2.5
/// or 5 times a power of ten (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990). Dollar ticks are written
/// in the unit the caption names (<c>US$ millions</c>: 2.5), as UN figures label their axes; shares as <c>25%</c>.
/// </summary>
internal sealed record ValueAxis(double Minimum, double Maximum, IReadOnlyList<double> Ticks, IReadOnlyList<string> Labels, string Caption)
{
    /// <summary>The axis for values from <paramref name="low"/> to <paramref name="high"/> in at most <paramref name="maxSteps"/> steps.</summary>
    public static ValueAxis For(double low, double high, int maxSteps, ChartValueFormat format)
    {
        low = Math.Min(0, low);
        high = Math.Max(0, high);
        if (high == low)
        {
            // All values zero: an axis up to one dollar, or to 100%, keeps a zero line and honest labels.
            high = 1;
        }

        // Whole dollars: an axis of contributions in cents would be noise.
        var smallestExponent = format == ChartValueFormat.Usd ? 0 : int.MinValue;
        var (mantissa, exponent, first, last) = Choose(low, high, Math.Max(2, maxSteps), smallestExponent);
        var step = mantissa * Math.Pow(10, exponent);
        var ticks = new List<double>();
        for (var k = first; k <= last; k++)
        {
            ticks.Add(k * step);
        }

        var (unitExponent, caption) = format == ChartValueFormat.Usd ? DollarUnit(Math.Max(-ticks[0], ticks[^1])) : (-2, "");
        var decimals = Math.Max(0, unitExponent - exponent + (mantissa == 2.5 ? 1 : 0));
        var suffix = format == ChartValueFormat.Percent ? "%" : "";
        var labels = ticks
            .Select(tick => (tick / Math.Pow(10, unitExponent)).ToString("N" + decimals, CultureInfo.InvariantCulture) + suffix)
            .ToList();
        return new ValueAxis(ticks[0], ticks[^1], ticks, labels, caption);
    }

    /// <summary>Where <paramref name="value"/> lies between <see cref="Minimum"/> (0) and <see cref="Maximum"/> (1).</summary>
    public double Fraction(double value) => (value - Minimum) / (Maximum - Minimum);

    /// <summary>
    /// Of the three smallest round steps that cover the values in at most <paramref name="maxSteps"/> steps, the one
    /// that leaves the least empty axis: -150,000 to 3,000,000 runs from -500,000 in steps of 500,000 rather than from
    /// -1,000,000 in steps of 1,000,000 when both fit. On a tie the smaller step wins, for more gridlines.
    /// </summary>
    private static (double Mantissa, int Exponent, long First, long Last) Choose(double low, double high, int maxSteps, int smallestExponent)
    {
        var candidates = new List<(double Mantissa, int Exponent, long First, long Last)>();

        // Start a power of ten below the rough step, so that binary rounding cannot skip a candidate; a step too small
        // takes too many steps and is passed over. Two steps always suffice in the end, so the search ends.
        var rough = (high - low) / maxSteps;
        var (mantissa, exponent) = (1.0, Math.Max(smallestExponent, (int)Math.Floor(Math.Log10(rough)) - 1));
        while (candidates.Count < 3)
        {
            var step = mantissa * Math.Pow(10, exponent);

            // The tolerance absorbs binary rounding, so that 100 / 20 stays five steps and not six.
            var first = (long)Math.Floor(low / step + 1e-9);
            var last = (long)Math.Ceiling(high / step - 1e-9);
            if (last - first <= maxSteps)
            {
                candidates.Add((mantissa, exponent, first, last));
            }

            (mantissa, exponent) = mantissa switch
            {
                1 => (2, exponent),
                2 => (2.5, exponent),
                2.5 => (5, exponent),
                _ => (1, exponent + 1),
            };
        }

        return candidates.MinBy(c => Math.Round((c.Last - c.First) * c.Mantissa * Math.Pow(10, c.Exponent) / (high - low), 9));
    }

    /// <summary>The unit of dollar tick labels: plain dollars below 10,000, else thousands, millions or billions.</summary>
    private static (int Exponent, string Caption) DollarUnit(double largest) => largest switch
    {
        >= 1e10 => (9, "US$ billions"),
        >= 1e7 => (6, "US$ millions"),
        >= 1e4 => (3, "US$ thousands"),
        _ => (0, "US$"),
    };
}
