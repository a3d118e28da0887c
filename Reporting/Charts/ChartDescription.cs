using System.Text;
using FundManager.Common;

namespace FundManager.Reporting.Charts;

/// <summary>
/// A chart's text alternative: its kind, title and every value in words. The SVG carries it in <c>&lt;desc&gt;</c>; a
/// PNG carries none, so the Word report gives it to the picture as its alternative text.
/// </summary>
public static class ChartDescription
{
    /// <exception cref="ArgumentException">A series has not one value per category, or a pie has a negative value.</exception>
    public static string Describe(Chart chart)
    {
        ChartLayout.Validate(chart);
        var text = new StringBuilder(chart.Kind.ToString()).Append(" chart");
        var title = LabelText.Clean(chart.Title);
        if (title.Length > 0)
        {
            text.Append(": ").Append(title);
        }

        text.Append('.');
        if (!ChartLayout.HasData(chart))
        {
            return text.Append(" No data.").ToString();
        }

        if (chart.Kind == ChartKind.Pie)
        {
            var slices = PieSlices.Of(chart).Select(slice => slice.Label + PieSlices.Suffix(slice, chart.Format));
            return text.Append(' ').AppendJoin("; ", slices).Append('.').ToString();
        }

        foreach (var series in chart.Series)
        {
            var values = chart.Categories.Select((category, index) =>
                LabelText.Clean(category) + " " + ChartFormat.Value(series.Values[index], chart.Format));
            text.Append(' ').Append(LabelText.Clean(series.Name)).Append(": ").AppendJoin(", ", values).Append('.');
        }

        return text.ToString();
    }
}
