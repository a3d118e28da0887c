namespace FundManager.Funds;

/// <summary>
/// A check on the fund as a whole that a command's postings must pass when they are written, not only when they were
/// decided: the fund's grain applies it to its balances of the moment, after the postings queued before it.
/// </summary>
/// <param name="Kind">Which rule applies.</param>
/// <param name="Amount">The new commitment (direct budget plus PSC), or the cash to disburse, in USD.</param>
public sealed record FundCheck(FundCheckKind Kind, Money Amount)
{
    public static FundCheck Commitment(Money amount) => new(FundCheckKind.Commitment, amount);

    public static FundCheck Disbursement(Money amount) => new(FundCheckKind.Disbursement, amount);
}
