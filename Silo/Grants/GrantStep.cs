namespace FundManager.Grants;

/// <summary>
/// The step a grant waits for next, and so whose work queue lists it: the officer's (consent, review, a tranche to
/// prepare), the Board's (a recommendation) or the approver's (the grant, or a prepared tranche).
/// </summary>
public enum GrantStep
{
    Consent,
    Submission,
    Review,
    Recommendation,
    Approval,
    TranchePreparation,
    TrancheApproval,
}
