using FundManager.Common;
using FundManager.Finance;

namespace FundManager.Grants;

public sealed partial class Grant
{
    /// <summary>
    /// Decides the preparation of tranche <paramref name="number"/> for payment. Tranches go in order;
    /// every tranche after the first needs the progress report covering the previous one accepted; the
    /// amount (the planned one unless given) must be within the undisbursed commitment.
    /// </summary>
    public GrantEvent[] PrepareTranche(int number, decimal? amount, UserId by, DateOnly on)
    {
        var tranche = PayableTranche(number, "prepare");
        if (tranche.State == TrancheState.Prepared)
        {
            throw RuleViolation.Of(BusinessRule.TrancheAlreadyPrepared, $"Tranche {number} is already prepared by {tranche.PreparedBy}.", "number", ("tranche", number));
        }

        BusinessDate.Check(on, "on");
        var value = amount is { } a ? Money.Entered(a, CurrencyCode.Usd, "amount") : tranche.PlannedAmount;
        WithinUndisbursed(number, value);
        return [new TranchePrepared(number, value, by, on)];
    }

    /// <summary>
    /// Decides the approval (and so payment) of a prepared tranche by a user other than the one who
    /// prepared it, whatever their roles. PSC is charged at the grant's rate; the tranche that exhausts
    /// the direct budget takes exactly the PSC still committed, so PSC totals never drift by a cent.
    /// </summary>
    public GrantEvent[] ApproveTranche(int number, UserId by, DateOnly on, FundPosition position)
    {
        var tranche = PayableTranche(number, "approve");
        if (tranche.State != TrancheState.Prepared)
        {
            throw RuleViolation.Of(BusinessRule.TrancheNotPrepared, $"Tranche {number} has not been prepared for payment.", "number", ("tranche", number));
        }

        if (tranche.PreparedBy == by)
        {
            throw RuleViolation.Of(
                BusinessRule.PreparerCannotApprove,
                $"{by} prepared tranche {number} and so cannot approve it; another user must.",
                null,
                ("tranche", number),
                ("user", by.ToString()));
        }

        BusinessDate.Check(on, "on");
        var amount = tranche.PreparedAmount!.Value;
        WithinUndisbursed(number, amount);
        position.RequireCash(amount);

        var pscLeft = CommittedPsc - PscCharged;
        var psc = Disbursed + amount == DirectBudget
            ? pscLeft
            : Money.Min(Funds.Fund.Psc(amount, PscRate!.Value), pscLeft);
        return [new TrancheApproved(number, amount, psc, by, on)];
    }

    /// <summary>Decides the rejection of a prepared tranche, with a reason; it can be prepared again.</summary>
    public GrantEvent[] RejectTranche(int number, UserId by, DateOnly on, string reason)
    {
        var tranche = FindTranche(number);
        if (tranche.State != TrancheState.Prepared)
        {
            throw RuleViolation.Of(BusinessRule.TrancheNotPrepared, $"Tranche {number} has not been prepared for payment.", "number", ("tranche", number));
        }

        if (tranche.PreparedBy == by)
        {
            throw RuleViolation.Of(BusinessRule.PreparerCannotApprove, $"{by} prepared tranche {number}; another user must decide on it.", null, ("tranche", number));
        }

        return [new TrancheRejected(number, by, BusinessDate.Check(on, "on"), Reason.Require(reason))];
    }

    private Tranche PayableTranche(int number, string action)
    {
        if (Status is not (GrantStatus.Approved or GrantStatus.Active))
        {
            throw RuleViolation.Of(BusinessRule.GrantNotApproved, $"Cannot {action} a tranche: the grant is {Status}, not approved or active.", null, ("status", Status.ToString()));
        }

        var tranche = FindTranche(number);
        if (tranche.State == TrancheState.Paid)
        {
            throw RuleViolation.Of(BusinessRule.IllegalTransition, $"Tranche {number} is already paid.", "number", ("tranche", number));
        }

        var firstUnpaid = _tranches.Where(t => t.State != TrancheState.Paid).Min(t => t.Number);
        if (number != firstUnpaid)
        {
            throw RuleViolation.Of(BusinessRule.TrancheOutOfOrder, $"Tranches are paid in order: tranche {firstUnpaid} comes before tranche {number}.", "number", ("tranche", number), ("next", firstUnpaid));
        }

        if (number > 1 && !_reports.Any(r => r.CoversTranche == number - 1 && r.Status == ProgressReportStatus.Accepted))
        {
            throw RuleViolation.Of(
                BusinessRule.ProgressReportNotAccepted,
                $"Tranche {number} needs an accepted progress report on the use of tranche {number - 1}.",
                "number",
                ("tranche", number));
        }

        return tranche;
    }

    private Tranche FindTranche(int number) =>
        _tranches.FirstOrDefault(t => t.Number == number)
        ?? throw RuleViolation.Of(BusinessRule.EntityNotFound, $"The grant has no tranche {number}.", "number", ("tranche", number));

    private void WithinUndisbursed(int number, Money amount)
    {
        if (amount > UndisbursedDirect)
        {
            throw RuleViolation.Of(
                BusinessRule.TrancheExceedsUndisbursedCommitment,
                $"Tranche {number} of {amount} exceeds the {UndisbursedDirect} of the commitment not yet disbursed.",
                "amount",
                ("tranche", number),
                ("amount", amount.Amount),
                ("undisbursed", UndisbursedDirect.Amount));
        }
    }
}
