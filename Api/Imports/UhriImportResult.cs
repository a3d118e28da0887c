namespace FundManager.Api.Imports;

/// <summary>What an import of recommendations did: the lines read, and how many recommendations it registered, revised or found unchanged.</summary>
public sealed record UhriImportResult(int Read, int Registered, int Revised, int Unchanged);
