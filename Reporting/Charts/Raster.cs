using FundManager.Common;

namespace FundManager.Reporting.Charts;

/// <summary>
/// An in-memory picture: RGB bytes row by row from the top, as PNG truecolour stores them. Shapes are painted without
/// anti-aliasing, every pixel whose centre lies inside, so each pixel has exactly the colour of one shape, rectangles
/// that abut neither overlap nor leave a gap, and the area of a shape is its pixel count.
/// </summary>
internal sealed class Raster
{
    public const int BytesPerPixel = 3;

    public Raster(int width, int height, ChartColour background)
    {
        Preconditions.Require(width > 0 && height > 0, nameof(width), "A raster has at least one pixel.");
        Width = width;
        Height = height;
        Pixels = new byte[checked(width * height * BytesPerPixel)];
        FillRect(0, 0, width, height, background);
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    public void FillRect(double x, double y, double width, double height, ChartColour colour)
    {
        var (left, right) = (Edge(x, Width), Edge(x + width, Width));
        var (top, bottom) = (Edge(y, Height), Edge(y + height, Height));
        for (var row = top; row < bottom; row++)
        {
            for (var column = left; column < right; column++)
            {
                Set(column, row, colour);
            }
        }
    }

    /// <summary>A horizontal or vertical line of <paramref name="thickness"/> pixels (at least one) centred on its ends' line.</summary>
    /// <exception cref="ArgumentException">The line is slanted; charts draw none.</exception>
    public void DrawLine(double x1, double y1, double x2, double y2, double thickness, ChartColour colour)
    {
        var pixels = Math.Max(1, Math.Round(thickness));
        if (y1 == y2)
        {
            FillRect(Math.Min(x1, x2), y1 - pixels / 2, Math.Abs(x2 - x1), pixels, colour);
        }
        else
        {
            Preconditions.Require(x1 == x2, nameof(x2), "Only horizontal and vertical lines are drawn.");
            FillRect(x1 - pixels / 2, Math.Min(y1, y2), pixels, Math.Abs(y2 - y1), colour);
        }
    }

    /// <summary>A pie slice: each pixel of the disc is painted when its angle, clockwise from twelve o'clock, falls in the sweep.</summary>
    public void FillWedge(double centreX, double centreY, double radius, double startDegrees, double sweepDegrees, ChartColour colour)
    {
        for (var row = Edge(centreY - radius, Height); row < Edge(centreY + radius, Height); row++)
        {
            for (var column = Edge(centreX - radius, Width); column < Edge(centreX + radius, Width); column++)
            {
                var dx = column + 0.5 - centreX;
                var dy = row + 0.5 - centreY;
                if (dx * dx + dy * dy > radius * radius)
                {
                    continue;
                }

                var degrees = Math.Atan2(dx, -dy) * 180 / Math.PI;
                var offset = ((degrees - startDegrees) % 360 + 360) % 360;
                if (offset < sweepDegrees)
                {
                    Set(column, row, colour);
                }
            }
        }
    }

    public void Set(int x, int y, ChartColour colour)
    {
        var at = (y * Width + x) * BytesPerPixel;
        Pixels[at] = colour.Red;
        Pixels[at + 1] = colour.Green;
        Pixels[at + 2] = colour.Blue;
    }

    public ChartColour Get(int x, int y)
    {
        var at = (y * Width + x) * BytesPerPixel;
        return new ChartColour(Pixels[at], Pixels[at + 1], Pixels[at + 2]);
    }

    /// <summary>
    /// The first pixel whose centre lies at or after <paramref name="coordinate"/>, kept inside the picture: pixel i
    /// is covered by [a, b) when a ≤ i + ½ &lt; b, that is from ⌈a − ½⌉ to ⌈b − ½⌉ − 1.
    /// </summary>
    private static int Edge(double coordinate, int size) => (int)Math.Clamp(Math.Ceiling(coordinate - 0.5), 0, size);
}
