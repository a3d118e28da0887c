using FundManager.Finance;

namespace FundManager.Banking;

/// <summary>
/// One entry of a bank statement: the account servicer's reference (its identity with the account), the amount (a credit
/// adds to the account, a debit takes from it), whether it is booked, its dates, and what identifies the payer and the
/// payment: the debtor's name and IBAN, and the remittance information, structured references first.
/// </summary>
public sealed record BankEntry(
    string Reference,
    Money Amount,
    bool IsCredit,
    bool IsBooked,
    DateOnly BookedOn,
    DateOnly? ValueOn,
    string? DebtorName,
    string? DebtorIban,
    IReadOnlyList<string> Remittance);
