namespace FundManager.Grants;

/// <summary>A tranche is planned, then prepared for payment by one user, then paid on another's approval.</summary>
public enum TrancheState
{
    Planned,
    Prepared,
    Paid,
}
