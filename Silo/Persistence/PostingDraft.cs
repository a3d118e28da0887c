using FundManager.Ledger;

namespace FundManager.Persistence;

/// <summary>A journal entry a command posts, with the event it comes from; its fund's grain numbers and chains it.</summary>
public sealed record PostingDraft(JournalEntryDraft Entry, string SourceStream, long SourceVersion, string SourceEvent);
