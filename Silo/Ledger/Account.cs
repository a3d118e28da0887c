namespace FundManager.Ledger;

/// <summary>
/// The chart of accounts, one set per fund, in US dollars. The number is the account code
/// shown in every report; 9xxx are memorandum accounts that balance only among themselves.
/// </summary>
public enum Account
{
    /// <summary>Cash held by the fund.</summary>
    Cash = 1000,

    /// <summary>Signed contributions not yet received, one receivable per instalment.</summary>
    ContributionsReceivable = 1100,

    /// <summary>Programme support costs charged on disbursements and owed to the organisation.</summary>
    PscPayable = 2100,

    /// <summary>Voluntary contributions recognised when an agreement becomes binding (IPSAS 23).</summary>
    ContributionRevenue = 4000,

    /// <summary>Realised exchange differences between a receivable's booked value and the cash received.</summary>
    ExchangeGainsAndLosses = 4900,

    /// <summary>Tranches disbursed to implementing entities.</summary>
    GrantExpense = 5000,

    /// <summary>Programme support costs on disbursed tranches.</summary>
    PscExpense = 5100,

    /// <summary>Receivables written off as uncollectible.</summary>
    ContributionsWrittenOff = 5200,

    /// <summary>What banks and card processors keep of the money given (Stripe's fee on an online gift).</summary>
    BankCharges = 5300,

    /// <summary>Memorandum: what approved grants still commit the fund to (direct + PSC).</summary>
    OpenCommitments = 9000,

    /// <summary>Memorandum contra account of <see cref="OpenCommitments"/>.</summary>
    CommitmentsContra = 9100,
}
