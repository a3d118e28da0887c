using FundManager.Common;

namespace FundManager.Reporting.Charts;

/// <summary>
/// Lays a chart out at a given size: the title, then the body of its kind below. Both renderers draw the scene this
/// returns, so the SVG and the PNG agree on every position, label and colour.
/// </summary>
internal static class ChartLayout
{
    public const string NoDataText = "No data";

    /// <exception cref="ArgumentException">The size is outside 160×90 to 8192×8192, or <see cref="Validate"/> refuses the chart.</exception>
    public static ChartScene Compute(Chart chart, int width, int height)
    {
        Validate(chart);
        Preconditions.Require(width is >= 160 and <= 8192, nameof(width), "A chart is 160 to 8192 pixels wide.");
        Preconditions.Require(height is >= 90 and <= 8192, nameof(height), "A chart is 90 to 8192 pixels high.");
        var style = ChartStyle.For(width, height);
        var shapes = new List<ChartShape> { new ChartRect(0, 0, width, height, ChartPalette.Background) };
        var title = LabelText.Clean(chart.Title);
        var top = style.Margin;
        if (title.Length > 0)
        {
            var fitted = LabelText.Fit(title, style.TitleSize, width - 2 * style.Margin);
            shapes.Add(new ChartText(width / 2.0, top + style.TitleSize * 0.8, fitted, style.TitleSize, TextAnchor.Middle, ChartPalette.Ink, Bold: true));
            top += style.TitleSize + style.Gap;
        }

        var frame = new PlotFrame(style.Margin, top, width - style.Margin, height - style.Margin);
        if (!HasData(chart))
        {
            AddNoData(shapes, style, frame);
        }
        else if (chart.Kind == ChartKind.Pie)
        {
            PieLayout.Add(shapes, chart, style, frame);
        }
        else
        {
            if (chart.Series.Count > 1)
            {
                frame = frame with { Top = SeriesLegend.Add(shapes, chart.Series, style, frame) };
            }

            if (chart.Kind == ChartKind.Bar)
            {
                BarLayout.Add(shapes, chart, style, frame);
            }
            else
            {
                ColumnLayout.Add(shapes, chart, style, frame);
            }
        }

        return new ChartScene(width, height, title, ChartDescription.Describe(chart), shapes);
    }

    /// <exception cref="ArgumentException">A series has not one value per category, or the kind or format is unknown.</exception>
    public static void Validate(Chart chart)
    {
        Preconditions.NotNull(chart, nameof(chart));
        Preconditions.NotNull(chart.Categories, nameof(chart));
        Preconditions.NotNull(chart.Series, nameof(chart));
        Preconditions.Require(Enum.IsDefined(chart.Kind), nameof(chart), $"Unknown chart kind {chart.Kind}.");
        Preconditions.Require(Enum.IsDefined(chart.Format), nameof(chart), $"Unknown chart value format {chart.Format}.");
        foreach (var series in chart.Series)
        {
            Preconditions.Require(
                series?.Values?.Count == chart.Categories.Count,
                nameof(chart),
                $"Series '{series?.Name}' must have one value per category ({chart.Categories.Count}).");
        }
    }

    public static bool HasData(Chart chart) => chart.Categories.Count > 0 && chart.Series.Count > 0;

    public static void AddNoData(List<ChartShape> shapes, ChartStyle style, PlotFrame frame) =>
        shapes.Add(new ChartText(
            frame.Left + frame.Width / 2, frame.Top + frame.Height / 2, NoDataText, style.TextSize, TextAnchor.Middle, ChartPalette.MutedInk));

    /// <summary>The smallest and largest value of all series.</summary>
    public static (double Low, double High) ValueRange(Chart chart)
    {
        var values = chart.Series.SelectMany(series => series.Values).Select(value => (double)value).ToList();
        return (values.Min(), values.Max());
    }

    /// <summary>How many axis steps fit along <paramref name="length"/> when each needs <paramref name="spacing"/>: 2 to 8.</summary>
    public static int MaxSteps(double length, double spacing) => Math.Clamp((int)Math.Floor(length / spacing), 2, 8);

    /// <summary>The baseline that centres text of <paramref name="size"/> on <paramref name="middle"/>.</summary>
    public static double CentredBaseline(double middle, double size) => middle + 0.35 * size;
}
