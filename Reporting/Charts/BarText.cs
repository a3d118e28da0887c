namespace FundManager.Reporting.Charts;

/// <summary>The words of one bar, for hover text and screen readers: category, series when there are several, value.</summary>
internal static class BarText
{
    public static string Tooltip(Chart chart, int series, int category)
    {
        var name = chart.Series.Count > 1 ? ", " + LabelText.Clean(chart.Series[series].Name) : "";
        return LabelText.Clean(chart.Categories[category]) + name + ": " + ChartFormat.Value(chart.Series[series].Values[category], chart.Format);
    }
}
