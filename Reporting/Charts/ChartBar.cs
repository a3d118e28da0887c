namespace FundManager.Reporting.Charts;

/// <summary>
/// The bar (or column) of one value: category <see cref="Category"/> of series <see cref="Series"/>. It spans from zero
/// to the value, so a negative value's bar lies left of (or below) the zero line. <see cref="Tooltip"/> says the
/// category, series and value in words, for the SVG's hover text and screen readers.
/// </summary>
internal sealed record ChartBar(double X, double Y, double Width, double Height, ChartColour Fill, int Series, int Category, string Tooltip)
    : ChartShape;
