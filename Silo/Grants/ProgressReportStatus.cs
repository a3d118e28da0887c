namespace FundManager.Grants;

/// <summary>Where a progress report stands.</summary>
public enum ProgressReportStatus
{
    Submitted,
    Accepted,
    Returned,
}
