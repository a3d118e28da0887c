using SkiaSharp;

namespace FundManager.Reporting.Charts;

/// <summary>
/// Draws a chart as a PNG for the Word reports, with SkiaSharp: the same layout as <see cref="SvgChart"/>, anti-aliased,
/// its text in a real font (<see cref="ChartFont"/>) with every letter as written. Its text alternative is
/// <see cref="ChartDescription.Describe"/>.
/// </summary>
public static class PngChart
{
    /// <summary>The chart as the bytes of a PNG file of <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    /// <exception cref="ArgumentException">The chart is malformed (see <see cref="ChartDescription.Describe"/>) or the size is outside 160×90 to 8192×8192.</exception>
    public static byte[] Render(Chart chart, int width = 1280, int height = 720)
    {
        using var bitmap = Paint(ChartLayout.Compute(chart, width, height));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    internal static SKBitmap Paint(ChartScene scene)
    {
        var bitmap = new SKBitmap(new SKImageInfo(scene.Width, scene.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(Skia(ChartPalette.Background));
        foreach (var shape in scene.Shapes)
        {
            switch (shape)
            {
                case ChartRect rect:
                    Fill(canvas, rect.X, rect.Y, rect.Width, rect.Height, rect.Fill);
                    break;
                case ChartBar bar:
                    Fill(canvas, bar.X, bar.Y, bar.Width, bar.Height, bar.Fill);
                    break;
                case ChartLine line:
                    using (var stroke = Paint(line.Stroke))
                    {
                        stroke.Style = SKPaintStyle.Stroke;
                        stroke.StrokeWidth = (float)line.Thickness;
                        canvas.DrawLine((float)line.X1, (float)line.Y1, (float)line.X2, (float)line.Y2, stroke);
                    }

                    break;
                case ChartWedge wedge:
                    DrawWedge(canvas, wedge);
                    break;
                case ChartText text:
                    DrawText(canvas, text);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(scene), shape, "No way to paint this shape.");
            }
        }

        return bitmap;
    }

    private static void Fill(SKCanvas canvas, double x, double y, double width, double height, ChartColour colour)
    {
        using var paint = Paint(colour);
        canvas.DrawRect((float)x, (float)y, (float)width, (float)height, paint);
    }

    // The layout sweeps clockwise from twelve o'clock; Skia's arcs start at three o'clock.
    private static void DrawWedge(SKCanvas canvas, ChartWedge wedge)
    {
        using var paint = Paint(wedge.Fill);
        var circle = new SKRect(
            (float)(wedge.CentreX - wedge.Radius), (float)(wedge.CentreY - wedge.Radius), (float)(wedge.CentreX + wedge.Radius), (float)(wedge.CentreY + wedge.Radius));
        if (wedge.SweepDegrees >= 360)
        {
            canvas.DrawOval(circle, paint);
            return;
        }

        using var path = new SKPath();
        path.MoveTo((float)wedge.CentreX, (float)wedge.CentreY);
        path.ArcTo(circle, (float)(wedge.StartDegrees - 90), (float)wedge.SweepDegrees, forceMoveTo: false);
        path.Close();
        canvas.DrawPath(path, paint);
    }

    // The layout fitted the text to the width it estimates (LabelText); a text the font draws wider is narrowed to it,
    // so it never runs into its neighbour.
    private static void DrawText(SKCanvas canvas, ChartText text)
    {
        using var font = new SKFont(text.Bold ? ChartFont.Bold : ChartFont.Regular, (float)text.Size) { Subpixel = true, Edging = SKFontEdging.Antialias };
        var room = LabelText.Width(text.Text, text.Size);
        var drawn = font.MeasureText(text.Text);
        if (drawn > room && drawn > 0)
        {
            font.ScaleX = (float)(room / drawn);
        }

        using var paint = Paint(text.Fill);
        var align = text.Anchor switch
        {
            TextAnchor.Middle => SKTextAlign.Center,
            TextAnchor.End => SKTextAlign.Right,
            _ => SKTextAlign.Left,
        };
        canvas.DrawText(text.Text, (float)text.X, (float)text.Y, align, font, paint);
    }

    private static SKPaint Paint(ChartColour colour) => new() { Color = Skia(colour), IsAntialias = true, Style = SKPaintStyle.Fill };

    private static SKColor Skia(ChartColour colour) => new(colour.Red, colour.Green, colour.Blue);
}
