namespace FundManager.Reporting.Charts;

/// <summary>
/// Vertical columns for ordered categories (years): the value axis on the left with its caption above it, category
/// labels below, and the series of a category side by side. Negative values hang below the zero line.
/// </summary>
internal static class ColumnLayout
{
    public static void Add(List<ChartShape> shapes, Chart chart, ChartStyle style, PlotFrame frame)
    {
        var size = style.TextSize;
        var categories = chart.Categories.Count;
        var seriesCount = chart.Series.Count;
        var (low, high) = ChartLayout.ValueRange(chart);

        // The top tick label is centred on its gridline: half a line of room above it, and the caption's line above that.
        var captionRoom = chart.Format == ChartValueFormat.Usd ? size + style.Gap : 0;
        var plotTop = frame.Top + captionRoom + size / 2;
        var plotBottom = frame.Bottom - size - style.Gap;
        var axis = ValueAxis.For(low, high, ChartLayout.MaxSteps(plotBottom - plotTop, 2.5 * size), chart.Format);
        var plotLeft = frame.Left + axis.Labels.Max(label => LabelText.Width(label, size)) + style.Gap;
        var plotRight = frame.Right;

        var slot = (plotRight - plotLeft) / categories;

        // A quarter of each slot separates the groups; a lone column is kept from growing into a wall.
        var columnWidth = Math.Min(slot * 0.75 / seriesCount, 6 * size);
        var groupWidth = columnWidth * seriesCount;

        // Value labels are all drawn or none is: a chart with some labels missing reads as if values were missing.
        var valueLabels = chart.Series.Select(series => series.Values.Select(value => ChartFormat.Value(value, chart.Format)).ToList()).ToList();
        var labelRoom = seriesCount == 1 ? slot - style.Gap : columnWidth;
        var showValues = valueLabels.SelectMany(labels => labels).All(label => LabelText.Width(label, size) <= labelRoom);
        var valueRoom = showValues ? size + style.Gap : 0;
        var top = plotTop + (high > 0 ? valueRoom : 0);
        var bottom = plotBottom - (low < 0 ? valueRoom : 0);
        double Y(double value) => bottom - axis.Fraction(value) * (bottom - top);

        if (captionRoom > 0)
        {
            shapes.Add(new ChartText(frame.Left, frame.Top + size, axis.Caption, size, TextAnchor.Start, ChartPalette.MutedInk));
        }

        for (var index = 0; index < axis.Ticks.Count; index++)
        {
            var y = Y(axis.Ticks[index]);
            shapes.Add(new ChartLine(plotLeft, y, plotRight, y, ChartPalette.Grid, style.LineWidth));
            shapes.Add(new ChartText(plotLeft - style.Gap, ChartLayout.CentredBaseline(y, size), axis.Labels[index], size, TextAnchor.End, ChartPalette.MutedInk));
        }

        var zero = Y(0);
        for (var category = 0; category < categories; category++)
        {
            var slotLeft = plotLeft + category * slot;
            var label = LabelText.Fit(LabelText.Clean(chart.Categories[category]), size, slot - style.Gap);
            shapes.Add(new ChartText(slotLeft + slot / 2, frame.Bottom, label, size, TextAnchor.Middle, ChartPalette.Ink));
            for (var series = 0; series < seriesCount; series++)
            {
                var value = chart.Series[series].Values[category];
                var x = slotLeft + (slot - groupWidth) / 2 + series * columnWidth;
                var end = Y((double)value);
                var tooltip = BarText.Tooltip(chart, series, category);
                shapes.Add(new ChartBar(x, Math.Min(zero, end), columnWidth, Math.Abs(zero - end), ChartPalette.Series(series), series, category, tooltip));
                if (showValues)
                {
                    var baseline = value < 0 ? end + style.Gap / 2 + 0.75 * size : end - style.Gap / 2;
                    shapes.Add(new ChartText(x + columnWidth / 2, baseline, valueLabels[series][category], size, TextAnchor.Middle, ChartPalette.Ink));
                }
            }
        }

        shapes.Add(new ChartLine(plotLeft, zero, plotRight, zero, ChartPalette.MutedInk, style.LineWidth));
    }
}
