using FundManager.Funds;

namespace FundManager.Ledger;

/// <summary>Every account of a fund with its debit and credit totals up to a date; debits equal credits.</summary>
public sealed record TrialBalance(FundCode Fund, DateOnly? AsOf, IReadOnlyList<TrialBalanceRow> Rows)
{
    public decimal TotalDebit => Rows.Sum(r => r.Debit);

    public decimal TotalCredit => Rows.Sum(r => r.Credit);

    public bool Balances => TotalDebit == TotalCredit;

    /// <summary>The balance (debit − credit) of one account; zero if it has no postings.</summary>
    public decimal BalanceOf(Account account) => Rows.FirstOrDefault(r => r.Account == account)?.Balance ?? 0m;
}
