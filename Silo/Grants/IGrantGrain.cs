using FundManager.Cluster;
using FundManager.Persistence;

namespace FundManager.Grants;

/// <summary>A grant, its tranches and its outcomes, keyed by the grant's id.</summary>
public interface IGrantGrain : IGrainWithGuidKey
{
    Task<CommandOutcome> DraftAsync([Immutable] DraftGrant command, CommandContext context);

    Task<CommandOutcome> ReviseDraftAsync([Immutable] ReviseGrantDraft command, CommandContext context);

    Task<CommandOutcome> RecordConsentAsync([Immutable] RecordConsent command, CommandContext context);

    Task<CommandOutcome> SubmitAsync([Immutable] SubmitGrant command, CommandContext context);

    Task<CommandOutcome> ReviewAsync([Immutable] ReviewGrant command, CommandContext context);

    Task<CommandOutcome> RecommendAsync([Immutable] RecommendGrant command, CommandContext context);

    Task<CommandOutcome> ApproveAsync([Immutable] ApproveGrant command, CommandContext context);

    Task<CommandOutcome> RejectAsync([Immutable] RejectGrant command, CommandContext context);

    Task<CommandOutcome> CancelAsync([Immutable] CancelGrant command, CommandContext context);

    Task<CommandOutcome> CompleteAsync([Immutable] CompleteGrant command, CommandContext context);

    Task<CommandOutcome> CloseAsync([Immutable] CloseGrant command, CommandContext context);

    Task<CommandOutcome> ReviseBudgetAsync([Immutable] ReviseGrantBudget command, CommandContext context);

    Task<CommandOutcome> PrepareTrancheAsync([Immutable] PrepareTranche command, CommandContext context);

    Task<CommandOutcome> ApproveTrancheAsync([Immutable] ApproveTranche command, CommandContext context);

    Task<CommandOutcome> RejectTrancheAsync([Immutable] RejectTranche command, CommandContext context);

    Task<CommandOutcome> DefineIndicatorAsync([Immutable] DefineIndicator command, CommandContext context);

    Task<CommandOutcome> SubmitProgressReportAsync([Immutable] SubmitProgressReport command, CommandContext context);

    Task<CommandOutcome> AcceptProgressReportAsync([Immutable] AcceptProgressReport command, CommandContext context);

    Task<CommandOutcome> ReturnProgressReportAsync([Immutable] ReturnProgressReport command, CommandContext context);

    Task<CommandOutcome> RecordRecommendationStatusAsync([Immutable] RecordRecommendationStatus command, CommandContext context);

    /// <summary>The fund the grant belongs to, or null when there is no such grant.</summary>
    Task<string?> FundAsync();
}
