namespace FundManager.Ledger;

/// <summary>
/// One line of the general ledger: an account's line, in the order account, entry date, sequence, line, with the
/// account's running balance (debit − credit) over every earlier line of that account, including those before the period shown.
/// </summary>
public sealed record GeneralLedgerLine(Account Account, long Sequence, int LineNo, DateOnly Date, string Description, decimal Debit, decimal Credit, decimal Balance);
