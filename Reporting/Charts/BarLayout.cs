namespace FundManager.Reporting.Charts;

/// <summary>
/// Horizontal bars for long category names (donors): names on the left, the value axis below with its caption under
/// its right end, and the series of a category one under the other. Negative values reach left of the zero line.
/// </summary>
internal static class BarLayout
{
    // Names take at most this share of the width; longer ones are cut with an ellipsis.
    private const double MaxLabelShare = 0.3;

    public static void Add(List<ChartShape> shapes, Chart chart, ChartStyle style, PlotFrame frame)
    {
        var size = style.TextSize;
        var categories = chart.Categories.Count;
        var seriesCount = chart.Series.Count;
        var (low, high) = ChartLayout.ValueRange(chart);

        var names = chart.Categories.Select(LabelText.Clean).ToList();
        var nameWidth = Math.Min(names.Max(name => LabelText.Width(name, size)), frame.Width * MaxLabelShare);
        var plotLeft = frame.Left + nameWidth + style.Gap;
        var plotRight = frame.Right;
        var captionBaseline = frame.Bottom;
        var tickBaseline = chart.Format == ChartValueFormat.Usd ? captionBaseline - size - style.Gap / 2 : captionBaseline;
        var plotTop = frame.Top;
        var plotBottom = tickBaseline - size - style.Gap / 2;

        var slot = (plotBottom - plotTop) / categories;
        var barHeight = Math.Min(slot * 0.75 / seriesCount, 2 * size);
        var groupHeight = barHeight * seriesCount;

        // Value labels are all drawn or none is, and only when each has its own line of text.
        var valueLabels = chart.Series.Select(series => series.Values.Select(value => ChartFormat.Value(value, chart.Format)).ToList()).ToList();
        var showValues = (seriesCount == 1 ? slot : barHeight) >= size;
        var valueRoom = showValues ? valueLabels.SelectMany(labels => labels).Max(label => LabelText.Width(label, size)) + style.Gap : 0;

        // Five text sizes a step leave room for a tick label of seven characters (-12,500) and a gap.
        var axis = ValueAxis.For(low, high, ChartLayout.MaxSteps(plotRight - plotLeft - valueRoom, 5 * size), chart.Format);

        // Tick labels are centred on their gridline: the last one must not hang over the margin.
        var halfTick = axis.Labels.Max(label => LabelText.Width(label, size)) / 2;
        var left = plotLeft + (low < 0 ? valueRoom : 0);
        var right = Math.Min(plotRight - (high > 0 ? valueRoom : 0), frame.Right - halfTick);
        double X(double value) => left + axis.Fraction(value) * (right - left);

        for (var index = 0; index < axis.Ticks.Count; index++)
        {
            var x = X(axis.Ticks[index]);
            shapes.Add(new ChartLine(x, plotTop, x, plotBottom, ChartPalette.Grid, style.LineWidth));
            shapes.Add(new ChartText(x, tickBaseline, axis.Labels[index], size, TextAnchor.Middle, ChartPalette.MutedInk));
        }

        if (axis.Caption.Length > 0)
        {
            shapes.Add(new ChartText(plotRight, captionBaseline, axis.Caption, size, TextAnchor.End, ChartPalette.MutedInk));
        }

        var zero = X(0);
        for (var category = 0; category < categories; category++)
        {
            var slotTop = plotTop + category * slot;
            var name = LabelText.Fit(names[category], size, nameWidth);
            shapes.Add(new ChartText(plotLeft - style.Gap, ChartLayout.CentredBaseline(slotTop + slot / 2, size), name, size, TextAnchor.End, ChartPalette.Ink));
            for (var series = 0; series < seriesCount; series++)
            {
                var value = chart.Series[series].Values[category];
                var y = slotTop + (slot - groupHeight) / 2 + series * barHeight;
                var end = X((double)value);
                var tooltip = BarText.Tooltip(chart, series, category);
                shapes.Add(new ChartBar(Math.Min(zero, end), y, Math.Abs(end - zero), barHeight, ChartPalette.Series(series), series, category, tooltip));
                if (showValues)
                {
                    var baseline = ChartLayout.CentredBaseline(y + barHeight / 2, size);
                    var label = valueLabels[series][category];
                    shapes.Add(value < 0
                        ? new ChartText(end - style.Gap / 2, baseline, label, size, TextAnchor.End, ChartPalette.Ink)
                        : new ChartText(end + style.Gap / 2, baseline, label, size, TextAnchor.Start, ChartPalette.Ink));
                }
            }
        }

        shapes.Add(new ChartLine(zero, plotTop, zero, plotBottom, ChartPalette.MutedInk, style.LineWidth));
    }
}
