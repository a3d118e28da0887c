using FundManager.Common;

namespace FundManager.Reporting.Charts;

/// <summary>The slices a pie chart draws from its first series, and the words each slice is listed with.</summary>
internal static class PieSlices
{
    public const string OtherLabel = "Other";

    /// <exception cref="ArgumentException">A value is negative: a pie shows shares of a whole.</exception>
    public static IReadOnlyList<PieSlice> Of(Chart chart)
    {
        if (chart.Series.Count == 0)
        {
            return [];
        }

        var values = chart.Series[0].Values;
        Preconditions.Require(values.All(value => value >= 0), nameof(chart), "A pie shows shares of a whole: its values cannot be negative.");
        var items = chart.Categories.Select((category, index) => (Label: LabelText.Clean(category), Value: values[index])).ToList();
        if (items.Count > ChartPalette.Count)
        {
            // More slices than colours would repeat a colour. The largest keep theirs, in their original order, and the
            // rest become one "Other" slice, as UN report figures group a long tail.
            var kept = items
                .Select((item, index) => (item.Value, index))
                .OrderByDescending(item => item.Value)
                .ThenBy(item => item.index)
                .Take(ChartPalette.Count - 1)
                .Select(item => item.index)
                .ToHashSet();
            var other = items.Where((_, index) => !kept.Contains(index)).Sum(item => item.Value);
            items = [.. items.Where((_, index) => kept.Contains(index)), (OtherLabel, other)];
        }

        var total = items.Sum(item => item.Value);
        return items.Select(item => new PieSlice(item.Label, item.Value, total == 0 ? 0 : item.Value / total)).ToList();
    }

    /// <summary>What follows a slice's label in the legend: its share, and its amount when the values are dollars.</summary>
    public static string Suffix(PieSlice slice, ChartValueFormat format) =>
        ": " + ChartFormat.Percent(slice.Share) + (format == ChartValueFormat.Usd ? " (" + ChartFormat.Usd(slice.Value) + ")" : "");
}
