namespace FundManager.Ledger;

/// <summary>One account's totals in a trial balance, in USD. <see cref="Balance"/> is debit minus credit.</summary>
public sealed record TrialBalanceRow(Account Account, decimal Debit, decimal Credit)
{
    public string Code => AccountInfo.Code(Account);

    public string Name => AccountInfo.Name(Account);

    public decimal Balance => Debit - Credit;
}
