namespace FundManager.Reporting.Charts;

/// <summary>The sizes of one chart, in its own pixels; every length of the layout derives from them.</summary>
/// <param name="TextSize">The font size of labels; a character is at most <see cref="LabelText.Advance"/> times it wide.</param>
/// <param name="TitleSize">The font size of the title.</param>
/// <param name="Margin">The blank border around the chart.</param>
/// <param name="Gap">The space between a label and what it labels.</param>
/// <param name="LineWidth">The width of grid and zero lines.</param>
internal sealed record ChartStyle(double TextSize, double TitleSize, double Margin, double Gap, double LineWidth)
{
    public static ChartStyle For(int width, int height)
    {
        // A thirtieth of the height: 12 px text in the 640×360 SVG and 24 px in the 1280×720 PNG, where the bitmap
        // font is drawn at twice its size, so the two pictures look alike. The width bound keeps narrow charts readable.
        var text = Math.Max(10, Math.Floor(Math.Min(height / 30.0, width / 53.0)));
        return new ChartStyle(
            TextSize: text,
            TitleSize: Math.Round(text * 1.3),
            Margin: text,
            Gap: Math.Round(text / 2),
            LineWidth: Math.Max(1, Math.Round(height / 360.0)));
    }
}
