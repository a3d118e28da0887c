using FundManager.Common;
using FundManager.Funds;

namespace FundManager.Grants;

/// <summary>
/// The ledger balances a commitment or a payment is decided on: cash, PSC payable (owed, so not available) and open
/// commitments, all in USD, with the fund's reserve rate. The fund-level rules live here, in one place: a grant
/// decides with them, and its fund's grain applies them again to its balances when the posting is written.
/// </summary>
[Immutable]
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

    /// <summary>True when this position passes <paramref name="check"/>.</summary>
    public bool Allows(FundCheck check) => check.Kind == FundCheckKind.Commitment ? CanCommit(check.Amount) : Cash >= check.Amount;

    /// <summary>
    /// What is left once <paramref name="check"/> passes: the uncommitted funds after a commitment, the cash after a
    /// payment; below zero when it would not pass.
    /// </summary>
    public Money LeftAfter(FundCheck check) => check.Kind == FundCheckKind.Commitment ? Uncommitted - check.Amount : Cash - check.Amount;

    /// <summary>Refuses a check this position cannot pass (<see cref="BusinessRule.InsufficientUncommittedFunds"/>, <see cref="BusinessRule.InsufficientCash"/>).</summary>
    public void Require(FundCheck check)
    {
        switch (check.Kind)
        {
            case FundCheckKind.Commitment:
                RequireCommitment(check.Amount);
                break;
            case FundCheckKind.Disbursement:
                RequireCash(check.Amount);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(check), check.Kind, "Unknown fund check.");
        }
    }

    /// <summary>Refuses a new commitment the uncommitted-funds rule does not allow.</summary>
    public void RequireCommitment(Money additional)
    {
        if (!CanCommit(additional))
        {
            throw RuleViolation.Of(
                BusinessRule.InsufficientUncommittedFunds,
                $"Not enough uncommitted funds: {additional} more would need available cash of "
                + $"{Money.Usd(decimal.Round((OpenCommitments.Amount + additional.Amount) * (1m + ReserveRate), 2))} "
                + $"(open commitments plus this, with a {ReserveRate:P0} operating reserve); the fund has {AvailableCash}.",
                null,
                ("availableCash", AvailableCash.Amount),
                ("openCommitments", OpenCommitments.Amount),
                ("additional", additional.Amount),
                ("reserveRate", ReserveRate));
        }
    }

    /// <summary>Refuses a disbursement of more cash than the fund holds.</summary>
    public void RequireCash(Money amount)
    {
        if (Cash < amount)
        {
            throw RuleViolation.Of(BusinessRule.InsufficientCash, $"The fund holds {Cash} in cash, less than the {amount} to disburse.", null, ("cash", Cash.Amount), ("amount", amount.Amount));
        }
    }
}
