namespace FundManager.Reporting.Charts;

/// <summary>
/// The fixed colours of every chart. Series and pie slices take, in order, the eight colours of Okabe and Ito's
/// "Color Universal Design" palette (2008), which stay distinct under the common colour-vision deficiencies. Black comes
/// last so that a chart with few series is not dominated by it. The greys of text and grid are not in the palette, so
/// a pixel's colour tells which series painted it.
/// </summary>
internal static class ChartPalette
{
    private static readonly ChartColour[] SeriesColours =
    [
        ChartColour.FromRgb(0x0072B2), // blue
        ChartColour.FromRgb(0xE69F00), // orange
        ChartColour.FromRgb(0x009E73), // bluish green
        ChartColour.FromRgb(0xD55E00), // vermillion
        ChartColour.FromRgb(0x56B4E9), // sky blue
        ChartColour.FromRgb(0xCC79A7), // reddish purple
        ChartColour.FromRgb(0xF0E442), // yellow
        ChartColour.FromRgb(0x000000), // black
    ];

    public static int Count => SeriesColours.Length;

    public static ChartColour Background { get; } = ChartColour.FromRgb(0xFFFFFF);

    /// <summary>Titles, category and value labels: about 16:1 contrast on white.</summary>
    public static ChartColour Ink { get; } = ChartColour.FromRgb(0x222222);

    /// <summary>Tick labels, the axis caption and the zero line: 7:1 on white, the WCAG AAA level for text.</summary>
    public static ChartColour MutedInk { get; } = ChartColour.FromRgb(0x595959);

    public static ChartColour Grid { get; } = ChartColour.FromRgb(0xDDDDDD);

    /// <summary>The colour of series (or pie slice) <paramref name="index"/>; past eight the colours repeat.</summary>
    public static ChartColour Series(int index) => SeriesColours[index % SeriesColours.Length];
}
