namespace FundManager.Reporting.Charts;

/// <summary>
/// A chart as the reports draw it, whatever the medium (a native Excel chart, an SVG in the HTML report, a PNG in the
/// Word report): one value per category in each series. Values are USD unless <see cref="Format"/> says otherwise.
/// </summary>
public sealed record Chart(string Title, ChartKind Kind, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series, ChartValueFormat Format = ChartValueFormat.Usd);

/// <summary>One named row of values, one per category of its chart.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal> Values);

public enum ChartKind
{
    /// <summary>Horizontal bars, for long category names (donors).</summary>
    Bar,

    /// <summary>Vertical columns, for ordered categories (years).</summary>
    Column,

    /// <summary>Shares of a whole; only the first series is drawn.</summary>
    Pie,
}

public enum ChartValueFormat
{
    /// <summary>US dollars: <c>US$ 1,234,567</c>.</summary>
    Usd,

    /// <summary>A share, 0.25 = 25 %.</summary>
    Percent,
}
