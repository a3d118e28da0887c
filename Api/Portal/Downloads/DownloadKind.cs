namespace FundManager.Api.Portal.Downloads;

/// <summary>The files the pages prepare in the background.</summary>
public enum DownloadKind
{
    BoardWorkbook,
    NarrativeReport,
    LedgerExport,
}
