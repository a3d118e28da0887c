namespace FundManager.Ledger;

/// <summary>
/// What the entries caused by one entity (one source stream) posted to one account, in one original currency: within
/// a period, and in all up to the period's end. Balances are debit − credit, in USD; <see cref="OriginalDebitInPeriod"/>
/// is the debits' amount in the currency the money moved in (a receipt's cash line: the amount received). Reports
/// attribute ledger figures to donors, pledges and grants through these rows, so every attributed figure adds up to the ledger's own.
/// </summary>
public sealed record StreamActivity(
    string SourceStream,
    Account Account,
    string Currency,
    decimal DebitInPeriod,
    decimal CreditInPeriod,
    decimal DebitToDate,
    decimal CreditToDate,
    decimal OriginalDebitInPeriod,
    decimal OriginalDebitToDate,
    DateOnly? FirstDateInPeriod,
    DateOnly? LastDateInPeriod,
    DateOnly FirstDateToDate,
    DateOnly LastDateToDate)
{
    public decimal BalanceInPeriod => DebitInPeriod - CreditInPeriod;

    public decimal BalanceToDate => DebitToDate - CreditToDate;
}
