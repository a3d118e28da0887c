namespace FundManager.Reporting.Charts;

/// <summary>
/// One slice of a pie, swept clockwise from <see cref="StartDegrees"/> (0 = twelve o'clock). <see cref="Tooltip"/> says
/// the slice's label, share and value in words, for the SVG's hover text and screen readers.
/// </summary>
internal sealed record ChartWedge(
    double CentreX, double CentreY, double Radius, double StartDegrees, double SweepDegrees, ChartColour Fill, string Tooltip)
    : ChartShape;
