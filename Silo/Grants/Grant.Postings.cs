using FundManager.Ledger;
using static FundManager.Ledger.JournalLine;

namespace FundManager.Grants;

public sealed partial class Grant
{
    /// <summary>The journal entry an event of this grant posts, or null. Call before applying the event.</summary>
    public JournalEntryDraft? PostingFor(GrantEvent @event)
    {
        var who = $"grant {Id}";
        return @event switch
        {
            GrantApproved e => Commit(e.On, e.Commitment, $"Grant approved, {who}"),
            GrantBudgetRevised e when IsCommitted => JournalEntryDraft.IfAny(Fund, e.On, $"Grant budget revised, {who}: {e.Reason}", CommitLines(e.CommitmentChange)),
            GrantCancelled e => JournalEntryDraft.IfAny(Fund, e.On, $"Grant cancelled, {who}: commitment released", CommitLines(-e.Released)),
            GrantClosed e => JournalEntryDraft.IfAny(Fund, e.On, $"Grant closed, {who}: commitment released", CommitLines(-e.Released)),
            TrancheApproved e => new JournalEntryDraft(
                Fund,
                e.On,
                $"Tranche {e.Number} paid, {who}",
                [
                    Dr(Account.GrantExpense, e.Amount),
                    Cr(Account.Cash, e.Amount),
                    Dr(Account.PscExpense, e.Psc),
                    Cr(Account.PscPayable, e.Psc),
                    .. CommitLines(-(e.Amount + e.Psc)),
                ]),
            _ => null,
        };
    }

    /// <summary>
    /// The fund-level check an event's posting must pass when it is written (call before applying the event): a new
    /// or larger commitment needs uncommitted funds, a tranche payment needs the cash it pays out.
    /// </summary>
    public Funds.FundCheck? FundCheckFor(GrantEvent @event) => @event switch
    {
        GrantApproved e => Funds.FundCheck.Commitment(e.Commitment),
        GrantBudgetRevised e when IsCommitted && e.CommitmentChange.IsPositive => Funds.FundCheck.Commitment(e.CommitmentChange),
        TrancheApproved e => Funds.FundCheck.Disbursement(e.Amount),
        _ => null,
    };

    private JournalEntryDraft Commit(DateOnly on, Money amount, string description) =>
        new(Fund, on, description, CommitLines(amount));

    // The memorandum pair moves together, so commitments balance among themselves.
    private static JournalLine[] CommitLines(Money change) =>
        [Dr(Account.OpenCommitments, change), Cr(Account.CommitmentsContra, change)];
}
