namespace FundManager.Grants;

/// <summary>
/// The ledger balances a commitment decision needs, read under the fund's lock:
/// cash, PSC payable (owed, so not available) and open commitments, all in USD.
/// </summary>
public sealed record FundPosition(Money Cash, Money PscPayable, Money OpenCommitments, decimal ReserveRate)
{
    /// <summary>Cash that is the fund's to commit: cash less PSC already owed.</summary>
    public Money AvailableCash => Cash - PscPayable;

    /// <summary>
    /// The uncommitted-funds rule: available cash must cover all open commitments plus the new one,
    /// grossed up by the operating reserve: cash ≥ (open + new) × (1 + reserve rate).
    /// </summary>
    public bool CanCommit(Money additional) =>
        AvailableCash.Amount >= (OpenCommitments.Amount + additional.Amount) * (1m + ReserveRate);

    /// <summary>What could still be committed: available cash ÷ (1 + reserve rate) − open commitments, never below zero.</summary>
    public Money Uncommitted =>
        Money.Usd(Math.Max(0m, decimal.Round(AvailableCash.Amount / (1m + ReserveRate) - OpenCommitments.Amount, 2, MidpointRounding.ToZero)));
}
