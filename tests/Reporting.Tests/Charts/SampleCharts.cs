using FundManager.Reporting.Charts;

namespace FundManager.Reporting.Tests.Charts;

/// <summary>Charts the tests draw, built in one line each.</summary>
internal static class SampleCharts
{
    public static Chart Columns(params decimal[] values) => Of(ChartKind.Column, values);

    public static Chart Bars(params decimal[] values) => Of(ChartKind.Bar, values);

    public static Chart Pie(params decimal[] values) => Of(ChartKind.Pie, values);

    /// <summary>One series named "2024" over categories A, B, C…</summary>
    public static Chart Of(ChartKind kind, params decimal[] values) =>
        new("Contributions", kind, Categories(values.Length), [new ChartSeries("2024", values)]);

    /// <summary>Three donors over two years, in dollars.</summary>
    public static Chart TwoSeries(ChartKind kind) =>
        new("Pledged and paid", kind, ["Norway", "Germany", "Sweden"],
            [new ChartSeries("Pledged", [3_000_000m, 2_000_000m, 500_000m]), new ChartSeries("Paid", [1_500_000m, 2_000_000m, 250_000m])]);

    public static IReadOnlyList<string> Categories(int count) =>
        Enumerable.Range(0, count).Select(index => ((char)('A' + index)).ToString()).ToList();
}
