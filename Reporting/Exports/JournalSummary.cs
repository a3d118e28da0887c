namespace FundManager.Reporting.Exports;

/// <summary>What the journal of an export held: entries and lines, and the first and last entry of the stretch of the chain (null when empty).</summary>
internal sealed record JournalSummary(long Entries, long Lines, FirstExportedEntry? First, ChainPoint? Last);
