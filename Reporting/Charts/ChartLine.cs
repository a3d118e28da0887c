namespace FundManager.Reporting.Charts;

/// <summary>A grid or zero line. Charts draw only horizontal and vertical lines.</summary>
internal sealed record ChartLine(double X1, double Y1, double X2, double Y2, ChartColour Stroke, double Thickness) : ChartShape;
