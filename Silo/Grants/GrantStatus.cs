namespace FundManager.Grants;

/// <summary>Where a grant stands in its lifecycle.</summary>
public enum GrantStatus
{
    Draft,
    Submitted,
    Reviewed,
    Recommended,
    Approved,
    Active,
    Completed,
    Closed,
    Rejected,
    Cancelled,
}
