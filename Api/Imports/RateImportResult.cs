namespace FundManager.Api.Imports;

/// <summary>What a rates import did: the rates the file gave, and how many of them were not recorded before.</summary>
public sealed record RateImportResult(int Read, int Added);
