namespace FundManager.Reporting.Charts;

/// <summary>A filled rectangle that carries no value: the background, a legend swatch.</summary>
internal sealed record ChartRect(double X, double Y, double Width, double Height, ChartColour Fill) : ChartShape;
