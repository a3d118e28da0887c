using FundManager.Common;
using FundManager.Finance;

namespace FundManager.Grants;

public sealed partial class Grant
{
    /// <summary>
    /// Decides a budget revision, an amendment with a reason. The new tranche schedule must sum to the
    /// new budget and keep every paid tranche as paid. Once approved, an increase needs uncommitted
    /// funds exactly as an approval does; a decrease below what was disbursed is refused.
    /// </summary>
    public GrantEvent[] ReviseBudget(
        IReadOnlyList<PlannedBudgetLine> budget, IReadOnlyList<PlannedTranche> tranches, string reason, DateOnly on, FundPosition? position)
    {
        Expect(
            "revise the budget",
            GrantStatus.Draft, GrantStatus.Submitted, GrantStatus.Reviewed, GrantStatus.Recommended, GrantStatus.Approved, GrantStatus.Active);
        var why = Reason.Require(reason);
        BusinessDate.Check(on, "on");
        NoTranchePending("revise the budget");
        var (lines, terms) = ValidateBudget(Details.Period, budget, tranches);
        var newDirect = Money.Sum(lines.Select(l => l.Amount), CurrencyCode.Usd);
        if (newDirect < Disbursed)
        {
            throw RuleViolation.Of(
                BusinessRule.BudgetBelowDisbursed,
                $"The revised budget of {newDirect} is below the {Disbursed} already disbursed.",
                "budget",
                ("budget", newDirect.Amount),
                ("disbursed", Disbursed.Amount));
        }

        foreach (var paid in _tranches.Where(t => t.State == TrancheState.Paid))
        {
            var kept = terms.FirstOrDefault(t => t.Number == paid.Number);
            if (kept is null || kept.Amount != paid.PaidAmount)
            {
                throw RuleViolation.Of(
                    BusinessRule.PaidTrancheCannotChange,
                    $"Tranche {paid.Number} was paid ({paid.PaidAmount}); the revised schedule must keep it first and unchanged.",
                    "tranches",
                    ("tranche", paid.Number));
            }
        }

        var psc = Money.Usd(0m);
        var change = Money.Usd(0m);
        if (IsCommitted)
        {
            psc = Funds.Fund.Psc(newDirect, PscRate!.Value);

            // PSC already charged stays charged, so the revised PSC can never be below it.
            psc = Money.Max(psc, PscCharged);
            change = newDirect + psc - (DirectBudget + CommittedPsc);
            if (change.IsPositive)
            {
                Preconditions.NotNull(position, nameof(position)).RequireCommitment(change);
            }
        }

        if (newDirect == DirectBudget && lines.SequenceEqual(_budget) && terms.Select(t => (t.PlannedOn, t.Amount)).SequenceEqual(_tranches.Select(t => (t.PlannedOn, t.PlannedAmount))))
        {
            throw RuleViolation.Of(BusinessRule.AmendmentChangesNothing, "The revised budget and schedule are the same as the current ones.", "budget");
        }

        return [new GrantBudgetRevised(on, why, lines, terms, psc, change)];
    }
}
