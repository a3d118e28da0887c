using FundManager.Reporting.Charts;
using SkiaSharp;

namespace FundManager.Reporting.Tests.Charts;

/// <summary>
/// The Word reports' charts as PNG: the size asked for, the layout's shapes in their colours, pie slices in proportion,
/// and every letter of the UN's country names drawn in a real font, within the width the layout gave the text.
/// </summary>
public sealed class PngChartTests
{
    [Fact]
    public void The_png_decodes_to_the_requested_size()
    {
        var bytes = PngChart.Render(SampleCharts.TwoSeries(ChartKind.Column), 800, 450);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        using var png = SKBitmap.Decode(bytes);
        Assert.Equal((800, 450), (png.Width, png.Height));
    }

    [Fact]
    public void The_tallest_column_is_painted_in_its_series_colour_on_a_white_background()
    {
        var chart = SampleCharts.TwoSeries(ChartKind.Column);
        var tallest = ChartLayout.Compute(chart, 1280, 720).Shapes.OfType<ChartBar>().MaxBy(bar => bar.Height)!;

        using var png = Decode(PngChart.Render(chart));

        Assert.Equal(0, tallest.Series);
        Assert.Equal(ChartPalette.Series(0), Pixel(png, tallest.X + tallest.Width / 2, tallest.Y + tallest.Height / 2));
        Assert.Equal(ChartPalette.Background, Pixel(png, 2, 2));
        Assert.Equal(ChartPalette.Background, Pixel(png, 1277, 717));
    }

    [Fact]
    public void A_second_series_and_a_negative_bar_are_painted_where_the_layout_put_them()
    {
        var chart = new Chart("Net", ChartKind.Bar, ["Refunds", "Norway"], [new ChartSeries("2024", [-40m, 90m]), new ChartSeries("2025", [-10m, 60m])]);
        var bars = ChartLayout.Compute(chart, 1280, 720).Shapes.OfType<ChartBar>().ToList();

        using var png = Decode(PngChart.Render(chart));

        Assert.All(bars, bar => Assert.Equal(ChartPalette.Series(bar.Series), Pixel(png, bar.X + bar.Width / 2, bar.Y + bar.Height / 2)));
        var refund = bars.Single(bar => bar is { Series: 0, Category: 0 });
        var norway = bars.Single(bar => bar is { Series: 0, Category: 1 });
        Assert.Equal(norway.X, refund.X + refund.Width, 6);
    }

    [Fact]
    public void Pie_wedge_areas_are_proportional_to_the_values()
    {
        decimal[] values = [50m, 25m, 15m, 7m, 3m];
        var wedge = ChartLayout.Compute(SampleCharts.Pie(values), 1280, 720).Shapes.OfType<ChartWedge>().First();

        using var png = Decode(PngChart.Render(SampleCharts.Pie(values)));

        // Only the pie's bounding square is counted (the legend's swatches share its colours); anti-aliased pixels on
        // the slices' edges are of no slice's colour.
        var counts = new int[values.Length];
        for (var y = (int)(wedge.CentreY - wedge.Radius) - 1; y <= wedge.CentreY + wedge.Radius + 1; y++)
        {
            for (var x = (int)(wedge.CentreX - wedge.Radius) - 1; x <= wedge.CentreX + wedge.Radius + 1; x++)
            {
                var colour = Pixel(png, x, y);
                for (var slice = 0; slice < values.Length; slice++)
                {
                    counts[slice] += colour == ChartPalette.Series(slice) ? 1 : 0;
                }
            }
        }

        var total = counts.Sum();
        Assert.Equal(Math.PI * wedge.Radius * wedge.Radius, total, 0.02 * total);
        for (var slice = 0; slice < values.Length; slice++)
        {
            var expected = (double)(values[slice] / values.Sum());
            Assert.InRange((double)counts[slice] / total / expected, 0.97, 1.03);
        }
    }

    [Fact]
    public void A_chart_without_categories_has_its_title_and_no_data_drawn()
    {
        using var png = Decode(PngChart.Render(new Chart("Nothing yet", ChartKind.Pie, [], [])));

        var colours = png.Pixels.Select(p => new ChartColour(p.Red, p.Green, p.Blue)).ToHashSet();
        Assert.Contains(ChartPalette.Ink, colours);
        Assert.DoesNotContain(ChartPalette.Series(0), colours);
    }

    [Theory]
    [InlineData("Côte d’Ivoire", "Cote d'Ivoire")]
    [InlineData("Türkiye", "Turkiye")]
    [InlineData("Curaçao", "Curacao")]
    [InlineData("Åland Islands", "Aland Islands")]
    public void A_country_name_is_drawn_with_its_accents_and_not_as_its_ascii_letters(string name, string ascii)
    {
        Chart Named(string country) => new("Grants by country", ChartKind.Bar, [country, "Norway"], [new ChartSeries("2024", [5m, 6m])]);

        using var accented = PngChart.Paint(ChartLayout.Compute(Named(name), 1280, 720));
        using var plain = PngChart.Paint(ChartLayout.Compute(Named(ascii), 1280, 720));

        Assert.NotEqual(plain.Pixels.Select(p => (uint)p), accented.Pixels.Select(p => (uint)p));
        Assert.True(ChartFont.Regular.ContainsGlyphs(name), $"{ChartFont.Regular.FamilyName} has every letter of {name}.");
    }

    [Fact]
    public void The_charts_are_drawn_in_dejavu_sans()
    {
        Assert.Equal(ChartFont.Family, ChartFont.Regular.FamilyName);
        Assert.Equal(ChartFont.Family, ChartFont.Bold.FamilyName);
        Assert.True(ChartFont.Bold.FontStyle.Weight >= (int)SKFontStyleWeight.Bold);
    }

    [Theory]
    [InlineData("US$ 1,234,567 Wy@#", 10.0)]
    [InlineData("WWWWWWMMMMMM", 24.0)]
    [InlineData("Côte d’Ivoire, Türkiye, Curaçao", 36.0)]
    public void Drawn_text_never_exceeds_the_width_the_layout_measured(string text, double size)
    {
        var scene = new ChartScene(1280, 100, "", "", [new ChartText(100, 60, text, size, TextAnchor.Start, ChartPalette.Ink, Bold: true)]);

        using var png = PngChart.Paint(scene);

        var inked = Enumerable.Range(0, png.Width).Where(x => Enumerable.Range(0, png.Height).Any(y => Pixel(png, x, y) != ChartPalette.Background)).ToList();
        Assert.InRange(inked[^1] - inked[0] + 1, 1, LabelText.Width(text, size) + 2);
        Assert.InRange(inked[0], 99, 103);
    }

    private static SKBitmap Decode(byte[] png) => SKBitmap.Decode(png) ?? throw new InvalidOperationException("Not a PNG.");

    private static ChartColour Pixel(SKBitmap png, double x, double y)
    {
        var colour = png.GetPixel((int)x, (int)y);
        return new ChartColour(colour.Red, colour.Green, colour.Blue);
    }
}
