namespace FundManager.Grants;

/// <summary>How far a supported UPR recommendation has been implemented.</summary>
public enum ImplementationStatus
{
    NotStarted,
    InProgress,
    PartiallyImplemented,
    FullyImplemented,
}
