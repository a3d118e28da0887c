namespace FundManager.Reporting.Charts;

/// <summary>The rectangle, in pixels from the top left, that a chart's body may use below its title and legend.</summary>
internal sealed record PlotFrame(double Left, double Top, double Right, double Bottom)
{
    public double Width => Right - Left;

    public double Height => Bottom - Top;
}
