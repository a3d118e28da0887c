using FundManager.Finance;

namespace FundManager.Banking;

/// <summary>
/// A bank statement's entry as imported, with what became of it: the match proposed (pledge, instalment, donor, the rule
/// and a note saying why or why none) and, once confirmed, the receipt and who confirmed it. <see cref="Position"/> is
/// its number, in the order entries were imported.
/// </summary>
public sealed record BankEntryRecord(
    long Position,
    string Account,
    string Reference,
    string MessageId,
    string StatementId,
    Money Amount,
    bool IsCredit,
    DateOnly BookedOn,
    DateOnly? ValueOn,
    string? DebtorName,
    string? DebtorIban,
    IReadOnlyList<string> Remittance,
    BankEntryStatus Status,
    string? Rule,
    string? Note,
    Guid? Pledge,
    int? Instalment,
    Guid? Donor,
    Guid? Receipt,
    string? ConfirmedBy,
    DateTimeOffset? ConfirmedAt);
