namespace FundManager.Grants;

public sealed partial class Grant
{
    /// <summary>
    /// The step the grant waits for, if any: a prepared tranche waits for an approver before anything else; an approved
    /// grant whose next tranche may be prepared (the first, or one whose previous tranche's report is accepted) waits
    /// for the officer.
    /// </summary>
    public GrantStep? AwaitedStep => Status switch
    {
        _ when PreparedTranche is not null => GrantStep.TrancheApproval,
        GrantStatus.Draft => Consent is null ? GrantStep.Consent : GrantStep.Submission,
        GrantStatus.Submitted => GrantStep.Review,
        GrantStatus.Reviewed => GrantStep.Recommendation,
        GrantStatus.Recommended => GrantStep.Approval,
        GrantStatus.Approved or GrantStatus.Active when TrancheToPrepare is not null => GrantStep.TranchePreparation,
        _ => null,
    };

    /// <summary>The fund check the approval this grant waits for must pass: the commitment of the grant, or the payment of its prepared tranche.</summary>
    public Funds.FundCheck? PendingCheck(Funds.Fund fund) => AwaitedStep switch
    {
        GrantStep.Approval => Funds.FundCheck.Commitment(CommitmentAt(fund.PscRate)),
        GrantStep.TrancheApproval => Funds.FundCheck.Disbursement(PreparedTranche!.PreparedAmount!.Value),
        _ => null,
    };

    /// <summary>The tranche prepared for payment and waiting for an approver, if any.</summary>
    public Tranche? PreparedTranche => _tranches.FirstOrDefault(t => t.State == TrancheState.Prepared);

    /// <summary>The first unpaid tranche, once the report covering the one before it is accepted.</summary>
    public Tranche? TrancheToPrepare =>
        _tranches.Where(t => t.State != TrancheState.Paid).MinBy(t => t.Number) is { State: TrancheState.Planned } next
        && (next.Number == 1 || _reports.Any(r => r.CoversTranche == next.Number - 1 && r.Status == ProgressReportStatus.Accepted))
            ? next
            : null;
}
