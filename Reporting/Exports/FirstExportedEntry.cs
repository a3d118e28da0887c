namespace FundManager.Reporting.Exports;

/// <summary>The first entry of an export and the hash it chains to: the hash of the entry before it (32 zero bytes for a fund's first entry).</summary>
public sealed record FirstExportedEntry(long Sequence, string PreviousHash);
