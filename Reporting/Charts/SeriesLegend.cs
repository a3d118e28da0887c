namespace FundManager.Reporting.Charts;

/// <summary>The legend of a chart with several series: a swatch and the name of each, in rows under the title.</summary>
internal static class SeriesLegend
{
    // A name longer than this is cut: the legend is a key, not a place for prose.
    private const int MaxNameLength = 40;

    /// <returns>The top of the room left below the legend.</returns>
    public static double Add(List<ChartShape> shapes, IReadOnlyList<ChartSeries> series, ChartStyle style, PlotFrame frame)
    {
        var size = style.TextSize;
        var swatch = size * 0.8;
        var textOffset = swatch + style.Gap;
        var spacing = size * 1.5;
        var x = frame.Left;
        var baseline = frame.Top + size;
        for (var index = 0; index < series.Count; index++)
        {
            var name = LabelText.Truncate(LabelText.Clean(series[index].Name), MaxNameLength);
            name = LabelText.Fit(name, size, frame.Width - textOffset);
            var itemWidth = textOffset + LabelText.Width(name, size);
            if (x > frame.Left && x + itemWidth > frame.Right)
            {
                x = frame.Left;
                baseline += size * 1.6;
            }

            shapes.Add(new ChartRect(x, baseline - swatch, swatch, swatch, ChartPalette.Series(index)));
            shapes.Add(new ChartText(x + textOffset, baseline, name, size, TextAnchor.Start, ChartPalette.Ink));
            x += itemWidth + spacing;
        }

        return baseline + size * 0.4 + style.Gap;
    }
}
