namespace FundManager.Grants;

/// <summary>A measure of a grant's results: its unit, the value at the start and the value aimed for.</summary>
public sealed record Indicator(int Id, string Name, string Unit, decimal Baseline, decimal Target);
