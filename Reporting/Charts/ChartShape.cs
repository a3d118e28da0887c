namespace FundManager.Reporting.Charts;

/// <summary>
/// One element of a laid-out chart. The layout produces shapes once; the SVG and PNG renderers only translate them,
/// so the two media cannot disagree on where anything is. Coordinates are pixels from the top left corner.
/// </summary>
internal abstract record ChartShape;
