namespace FundManager.Reporting.Charts;

/// <summary>
/// One line of text, already cleaned and fitted to its room (see <see cref="LabelText"/>): <see cref="X"/> is the
/// anchor point's, <see cref="Y"/> the baseline's, <see cref="Size"/> the font size in pixels.
/// </summary>
internal sealed record ChartText(double X, double Y, string Text, double Size, TextAnchor Anchor, ChartColour Fill, bool Bold = false)
    : ChartShape;
