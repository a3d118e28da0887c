namespace FundManager.Reporting.Charts;

/// <summary>
/// Draws a chart as a PNG for the Word reports, with nothing but the base class library: the same layout as
/// <see cref="SvgChart"/>, painted without anti-aliasing into an RGB raster, text in a built-in 5×7 bitmap font (letters
/// outside ASCII as their nearest ASCII letter), encoded as 8-bit truecolour. Its text alternative is
/// <see cref="ChartDescription.Describe"/>.
/// </summary>
public static class PngChart
{
    /// <summary>The chart as the bytes of a PNG file of <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    /// <exception cref="ArgumentException">The chart is malformed (see <see cref="ChartDescription.Describe"/>) or the size is outside 160×90 to 8192×8192.</exception>
    public static byte[] Render(Chart chart, int width = 1280, int height = 720) =>
        PngEncoder.Encode(Paint(ChartLayout.Compute(chart, width, height)));

    internal static Raster Paint(ChartScene scene)
    {
        var raster = new Raster(scene.Width, scene.Height, ChartPalette.Background);
        foreach (var shape in scene.Shapes)
        {
            switch (shape)
            {
                case ChartRect rect:
                    raster.FillRect(rect.X, rect.Y, rect.Width, rect.Height, rect.Fill);
                    break;
                case ChartBar bar:
                    raster.FillRect(bar.X, bar.Y, bar.Width, bar.Height, bar.Fill);
                    break;
                case ChartLine line:
                    raster.DrawLine(line.X1, line.Y1, line.X2, line.Y2, line.Thickness, line.Stroke);
                    break;
                case ChartWedge wedge:
                    raster.FillWedge(wedge.CentreX, wedge.CentreY, wedge.Radius, wedge.StartDegrees, wedge.SweepDegrees, wedge.Fill);
                    break;
                case ChartText text:
                    RasterText.Draw(raster, text);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(scene), shape, "No way to paint this shape.");
            }
        }

        return raster;
    }
}
