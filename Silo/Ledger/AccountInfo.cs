namespace FundManager.Ledger;

/// <summary>What an account is: its name, its class, and the side on which its balance is normally carried.</summary>
public static class AccountInfo
{
    public static string Name(Account account) => account switch
    {
        Account.Cash => "Cash",
        Account.ContributionsReceivable => "Contributions receivable",
        Account.PscPayable => "Programme support costs payable",
        Account.ContributionRevenue => "Voluntary contribution revenue",
        Account.ExchangeGainsAndLosses => "Exchange gains and losses",
        Account.GrantExpense => "Grant expense",
        Account.PscExpense => "Programme support cost expense",
        Account.ContributionsWrittenOff => "Contributions written off",
        Account.BankCharges => "Bank and card processing charges",
        Account.OpenCommitments => "Open grant commitments (memorandum)",
        Account.CommitmentsContra => "Commitments contra (memorandum)",
        _ => throw new ArgumentOutOfRangeException(nameof(account), account, null),
    };

    /// <summary>Accounts whose balance is normally a debit (assets, expenses, the commitments memorandum).</summary>
    public static bool IsDebitNormal(Account account) =>
        account is Account.Cash or Account.ContributionsReceivable or Account.GrantExpense
            or Account.PscExpense or Account.ContributionsWrittenOff or Account.BankCharges or Account.OpenCommitments;

    public static bool IsMemorandum(Account account) => (int)account >= 9000;

    /// <summary>Reads an account code of the chart (<c>"1000"</c>); false for anything else.</summary>
    public static bool TryParse(string? code, out Account account)
    {
        account = default;
        if (!int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || !Enum.IsDefined(typeof(Account), n))
        {
            return false;
        }

        account = (Account)n;
        return true;
    }

    public static string Code(Account account) => ((int)account).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
