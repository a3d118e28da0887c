namespace FundManager.Reporting.Figures;

/// <summary>
/// An indicator of a grant with its baseline, its target and the latest value an accepted progress report gave for
/// it by the period's end (none yet: null). <see cref="Progress"/> is the share of the way from baseline to target.
/// </summary>
public sealed record IndicatorLine(Guid Grant, string GrantTitle, string Country, string Name, string Unit, decimal Baseline, decimal Target, decimal? Latest, DateOnly? LatestAsOf)
{
    public decimal? Progress => Latest is { } latest && Target != Baseline ? (latest - Baseline) / (Target - Baseline) : null;
}
