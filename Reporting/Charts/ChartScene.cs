namespace FundManager.Reporting.Charts;

/// <summary>A chart laid out at one size: shapes in painting order, with its title and text alternative.</summary>
internal sealed record ChartScene(int Width, int Height, string Title, string Description, IReadOnlyList<ChartShape> Shapes);
