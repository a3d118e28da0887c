using FundManager.Reporting.Charts;

namespace FundManager.Reporting.Tests.Charts;

public sealed class PngChartTests
{
    [Fact]
    public void The_png_starts_with_the_signature_and_its_header_has_the_requested_size()
    {
        var bytes = PngChart.Render(SampleCharts.TwoSeries(ChartKind.Column), 800, 450);

        Assert.Equal(PngFile.Signature, bytes[..8]);
        var png = PngFile.Read(bytes);
        Assert.Equal("IHDR", png.Chunks[0].Type);
        Assert.Equal((800, 450), (png.Width, png.Height));
        Assert.Equal(8, png.BitDepth);
        Assert.Equal(2, png.ColourType);
    }

    [Fact]
    public void Every_chunk_crc_verifies_and_the_file_ends_with_an_empty_iend()
    {
        var png = PngFile.Read(PngChart.Render(SampleCharts.Pie(3m, 2m, 1m)));

        Assert.All(png.Chunks, chunk => Assert.Equal(chunk.ComputedCrc, chunk.StoredCrc));
        Assert.Contains(png.Chunks, chunk => chunk.Type == "IDAT");
        Assert.Equal("IEND", png.Chunks[^1].Type);
        Assert.Empty(png.Chunks[^1].Data);
    }

    [Fact]
    public void The_image_data_inflates_to_a_filter_byte_and_a_row_of_pixels_per_line()
    {
        var png = PngFile.Read(PngChart.Render(SampleCharts.Bars(5m, 7m), 1280, 720));

        Assert.Equal(720 * (1 + 1280 * png.BytesPerPixel), png.ImageData.Length);
    }

    [Fact]
    public void The_tallest_column_is_painted_in_its_series_colour_on_a_white_background()
    {
        var chart = SampleCharts.TwoSeries(ChartKind.Column);
        var tallest = ChartLayout.Compute(chart, 1280, 720).Shapes.OfType<ChartBar>().MaxBy(bar => bar.Height)!;

        var png = PngFile.Read(PngChart.Render(chart));

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

        var png = PngFile.Read(PngChart.Render(chart));

        Assert.All(bars, bar => Assert.Equal(ChartPalette.Series(bar.Series), Pixel(png, bar.X + bar.Width / 2, bar.Y + bar.Height / 2)));
        var refund = bars.Single(bar => bar is { Series: 0, Category: 0 });
        var norway = bars.Single(bar => bar is { Series: 0, Category: 1 });
        Assert.Equal(norway.X, refund.X + refund.Width, 6);
    }

    [Fact]
    public void Pie_wedge_areas_are_proportional_to_the_values()
    {
        // The smallest slice closes the circle at twelve o'clock, where a pixel on the boundary would go to the first.
        decimal[] values = [50m, 25m, 15m, 7m, 3m];
        var wedge = ChartLayout.Compute(SampleCharts.Pie(values), 1280, 720).Shapes.OfType<ChartWedge>().First();

        var png = PngFile.Read(PngChart.Render(SampleCharts.Pie(values)));

        // Only the pie's bounding square is counted: the legend's swatches share its colours.
        var counts = new int[values.Length];
        var pixels = png.Pixels();
        for (var y = (int)(wedge.CentreY - wedge.Radius) - 1; y <= wedge.CentreY + wedge.Radius + 1; y++)
        {
            for (var x = (int)(wedge.CentreX - wedge.Radius) - 1; x <= wedge.CentreX + wedge.Radius + 1; x++)
            {
                var colour = At(png, pixels, x, y);
                for (var slice = 0; slice < values.Length; slice++)
                {
                    counts[slice] += colour == ChartPalette.Series(slice) ? 1 : 0;
                }
            }
        }

        var total = counts.Sum();
        Assert.Equal(Math.PI * wedge.Radius * wedge.Radius, total, 0.01 * total);
        for (var slice = 0; slice < values.Length; slice++)
        {
            var expected = (double)(values[slice] / values.Sum());
            Assert.InRange((double)counts[slice] / total / expected, 0.98, 1.02);
        }
    }

    [Fact]
    public void A_chart_without_categories_is_a_valid_png_with_its_title_and_no_data_written()
    {
        var png = PngFile.Read(PngChart.Render(new Chart("Nothing yet", ChartKind.Pie, [], [])));
        var pixels = png.Pixels();

        var inked = Enumerable.Range(0, png.Height).SelectMany(y => Enumerable.Range(0, png.Width).Select(x => At(png, pixels, x, y))).ToList();
        Assert.Contains(ChartPalette.Ink, inked);
        Assert.Contains(ChartPalette.MutedInk, inked);
        Assert.DoesNotContain(ChartPalette.Series(0), inked);
    }

    [Fact]
    public void Accented_labels_are_drawn_exactly_as_their_ascii_letters()
    {
        Chart Named(string name) => new("Donors", ChartKind.Bar, [name, "Norway"], [new ChartSeries("2024", [5m, 6m])]);

        var accented = PngChart.Paint(ChartLayout.Compute(Named("Côte d’Ivoire – Société Générale"), 1280, 720));
        var plain = PngChart.Paint(ChartLayout.Compute(Named("Cote d'Ivoire - Societe Generale"), 1280, 720));

        Assert.Equal(plain.Pixels, accented.Pixels);
    }

    [Fact]
    public void Drawn_text_never_exceeds_the_width_the_layout_measured()
    {
        const string text = "US$ 1,234,567 Wy@#";
        foreach (var size in new[] { 10.0, 12, 24, 31, 36 })
        {
            var raster = new Raster(1280, 100, ChartPalette.Background);
            RasterText.Draw(raster, new ChartText(100, 60, text, size, TextAnchor.Start, ChartPalette.Ink, Bold: true));

            var inkColumns = Enumerable.Range(0, raster.Width).Where(x => Enumerable.Range(0, raster.Height).Any(y => raster.Get(x, y) == ChartPalette.Ink)).ToList();
            // The tolerance is binary rounding's: 18 × 0.6 × 10 is 107.99999999999999.
            Assert.InRange(inkColumns[^1] - inkColumns[0] + 1, 1, LabelText.Width(text, size) + 1e-9);
            Assert.Equal(100, inkColumns[0]);
        }
    }

    [Fact]
    public void The_crc_of_the_standard_check_string_is_the_published_check_value()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
        Assert.Equal(PngFile.BitwiseCrc("IEND"u8), Crc32.Compute("IEND"u8));
    }

    private static ChartColour Pixel(PngFile png, double x, double y) => At(png, png.Pixels(), (int)x, (int)y);

    private static ChartColour At(PngFile png, byte[] pixels, int x, int y)
    {
        var at = (y * png.Width + x) * png.BytesPerPixel;
        return new ChartColour(pixels[at], pixels[at + 1], pixels[at + 2]);
    }
}
