using SkiaSharp;

namespace FundManager.Reporting.Charts;

/// <summary>
/// The typeface the PNG charts are drawn in: DejaVu Sans, from Debian's <c>fonts-dejavu-core</c> through fontconfig,
/// which has every letter of the UN's country names (Côte d’Ivoire, Türkiye, São Tomé and Príncipe). Without it,
/// fontconfig's own sans-serif is taken; with no font at all, drawing a chart fails and says what to install.
/// </summary>
internal static class ChartFont
{
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load(SKFontStyle.Normal));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load(SKFontStyle.Bold));

    public static SKTypeface Regular => RegularFace.Value;

    public static SKTypeface Bold => BoldFace.Value;

    private static SKTypeface Load(SKFontStyle style) =>
        SKFontManager.Default.MatchFamily(Family, style)
        ?? SKFontManager.Default.MatchFamily("sans-serif", style)
        ?? throw new InvalidOperationException(
            $"No font to draw the charts with: install {Family} (Debian/Ubuntu: `sudo apt-get install fonts-dejavu-core fontconfig`).");
}
