using FundManager.Finance;

namespace FundManager.Reporting.Iati;

/// <summary>
/// A change to what the fund committed to a grant, in USD: the commitment at approval (direct budget plus PSC), or
/// the change a later budget revision made to it (negative for a decrease).
/// </summary>
internal sealed record IatiCommitment(DateOnly On, Money Amount, bool AtApproval);
