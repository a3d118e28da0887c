namespace FundManager.Ledger;

/// <summary>
/// One line of an account's activity (the general ledger), in date order: its place in that order, the entry it
/// belongs to, and the account's running balance (debit − credit) after it.
/// </summary>
public sealed record AccountActivityLine(long Row, long Sequence, int LineNo, DateOnly Date, string Description, decimal Debit, decimal Credit, decimal Balance);
