using System.Globalization;

namespace FundManager.Reporting.Charts;

/// <summary>An opaque 8-bit sRGB colour, written <c>#RRGGBB</c> in the SVG and painted as such in the PNG.</summary>
internal readonly record struct ChartColour(byte Red, byte Green, byte Blue)
{
    /// <summary>The colour of a <c>0xRRGGBB</c> literal.</summary>
    public static ChartColour FromRgb(int rgb) =>
        // Masked before the casts: the build checks arithmetic, and a checked cast of 0x0072B2 to byte would throw.
        new((byte)((rgb >> 16) & 0xFF), (byte)((rgb >> 8) & 0xFF), (byte)(rgb & 0xFF));

    public string Hex => string.Create(CultureInfo.InvariantCulture, $"#{Red:X2}{Green:X2}{Blue:X2}");
}
