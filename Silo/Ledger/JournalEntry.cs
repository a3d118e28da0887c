using FundManager.Funds;

namespace FundManager.Ledger;

/// <summary>
/// A stored journal entry: numbered without gaps within its fund, traced to the event and command
/// that caused it, and chained to the previous entry by <see cref="Hash"/> = SHA-256(previous hash ‖ canonical content).
/// </summary>
public sealed record JournalEntry(
    FundCode Fund,
    long Sequence,
    DateOnly Date,
    string Description,
    string SourceStream,
    long SourceVersion,
    string SourceEvent,
    Guid CommandId,
    string Actor,
    DateTimeOffset RecordedAt,
    byte[] PreviousHash,
    byte[] Hash,
    IReadOnlyList<JournalLine> Lines)
{
    public decimal TotalDebit => Lines.Sum(l => l.Debit);

    public decimal TotalCredit => Lines.Sum(l => l.Credit);
}
