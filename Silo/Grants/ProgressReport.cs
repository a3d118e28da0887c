using FundManager.Common;

namespace FundManager.Grants;

/// <summary>A progress report on a grant, covering the use of one paid tranche.</summary>
public sealed record ProgressReport(
    int Number,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    int CoversTranche,
    string Narrative,
    IReadOnlyList<IndicatorValue> Values,
    ProgressReportStatus Status,
    UserId SubmittedBy,
    string? Comments = null);
