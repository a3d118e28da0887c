using FundManager.Funds;
using FundManager.Ledger;

namespace FundManager.Persistence;

/// <summary>One command of a fund's group commit: what it writes, its postings as numbered and chained, the ledger it opens.</summary>
public sealed record GroupedWrite(CommandWrite Write, IReadOnlyList<JournalEntry> Entries, FundCode? OpensLedger);
