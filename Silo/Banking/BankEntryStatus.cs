namespace FundManager.Banking;

/// <summary>What became of a bank statement's entry.</summary>
public enum BankEntryStatus
{
    /// <summary>A credit matched to a pledge: the officer confirms it (or names another) and it becomes a receipt.</summary>
    Proposed,

    /// <summary>A credit nothing matched: it waits for the officer to name the pledge or the donor it came from.</summary>
    Suspense,

    /// <summary>A credit whose receipt is recorded.</summary>
    Confirmed,

    /// <summary>Money out of the account, such as bank charges: shown, never a receipt.</summary>
    Debit,

    /// <summary>An entry the bank has not booked yet: shown, matched when a statement books it.</summary>
    Pending,
}
