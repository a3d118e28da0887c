namespace FundManager.Reporting.Charts;

/// <summary>
/// A pie of the first series on the left, slices clockwise from twelve o'clock in category order, and on the right a
/// legend listing each slice with its share (and amount, for dollars). The pie takes at most 40% of the width, so that
/// the legend has room for long names such as those of the regional groups.
/// </summary>
internal static class PieLayout
{
    public static void Add(List<ChartShape> shapes, Chart chart, ChartStyle style, PlotFrame frame)
    {
        var slices = PieSlices.Of(chart);
        if (slices.All(slice => slice.Value == 0))
        {
            ChartLayout.AddNoData(shapes, style, frame);
            return;
        }

        var size = style.TextSize;
        var diameter = Math.Max(2, Math.Min(frame.Width * 0.4, frame.Height));
        var radius = diameter / 2;

        // On a pixel corner: no pixel centre then lies on the vertical through the centre, which would hand a whole
        // column of the last slice to the first one at twelve o'clock.
        var centreX = Math.Round(frame.Left + radius);
        var centreY = Math.Round(frame.Top + frame.Height / 2);
        var lastDrawn = slices.Select((slice, index) => (slice, index)).Last(item => item.slice.Value > 0).index;
        var start = 0.0;
        for (var index = 0; index <= lastDrawn; index++)
        {
            if (slices[index].Value == 0)
            {
                continue;
            }

            // The last slice closes the circle exactly, whatever binary rounding did to the sum of the others.
            var sweep = index == lastDrawn ? 360 - start : (double)slices[index].Share * 360;
            var words = slices[index].Label + PieSlices.Suffix(slices[index], chart.Format);
            shapes.Add(new ChartWedge(centreX, centreY, radius, start, sweep, ChartPalette.Series(index), words));
            start += sweep;
        }

        var swatch = size * 0.8;
        var legendLeft = frame.Left + diameter + 2 * style.Margin;
        var textLeft = legendLeft + swatch + style.Gap;
        var rowHeight = Math.Min(size * 1.8, frame.Height / slices.Count);
        var firstMiddle = centreY - (slices.Count - 1) * rowHeight / 2;
        for (var index = 0; index < slices.Count; index++)
        {
            var middle = firstMiddle + index * rowHeight;
            var suffix = PieSlices.Suffix(slices[index], chart.Format);
            var label = LabelText.Fit(slices[index].Label, size, frame.Right - textLeft - LabelText.Width(suffix, size));
            var text = label.Length > 0 ? label + suffix : LabelText.Fit(slices[index].Label + suffix, size, frame.Right - textLeft);
            shapes.Add(new ChartRect(legendLeft, middle - swatch / 2, swatch, swatch, ChartPalette.Series(index)));
            shapes.Add(new ChartText(textLeft, ChartLayout.CentredBaseline(middle, size), text, size, TextAnchor.Start, ChartPalette.Ink));
        }
    }
}
