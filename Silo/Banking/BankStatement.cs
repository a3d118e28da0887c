using FundManager.Finance;

namespace FundManager.Banking;

/// <summary>
/// A bank statement of a camt.053 message: which one it is (message, account, statement id: together, its identity), its
/// currency, and its booked opening and closing balances (negative when the account is overdrawn).
/// </summary>
public sealed record BankStatement(string MessageId, string Account, string StatementId, CurrencyCode Currency, decimal Opening, decimal Closing, DateOnly? ClosingOn);
