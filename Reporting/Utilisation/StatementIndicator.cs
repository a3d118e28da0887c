namespace FundManager.Reporting.Utilisation;

/// <summary>An indicator of a supported grant with the latest accepted value by the period's end.</summary>
public sealed record StatementIndicator(string Name, string Unit, decimal Baseline, decimal Target, decimal? Latest);
