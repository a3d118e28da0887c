using FundManager.Cluster;
using FundManager.Persistence;

namespace FundManager.Grants;

/// <summary>A grant, its tranches and its outcomes, keyed by the grant's id.</summary>
public interface IGrantGrain : IGrainWithGuidKey
{
    Task<CommandOutcome> DraftAsync(DraftGrant command, CommandContext context);

    Task<CommandOutcome> ReviseDraftAsync(ReviseGrantDraft command, CommandContext context);

    Task<CommandOutcome> RecordConsentAsync(RecordConsent command, CommandContext context);

    Task<CommandOutcome> SubmitAsync(SubmitGrant command, CommandContext context);

    Task<CommandOutcome> ReviewAsync(ReviewGrant command, CommandContext context);

    Task<CommandOutcome> RecommendAsync(RecommendGrant command, CommandContext context);

    Task<CommandOutcome> ApproveAsync(ApproveGrant command, CommandContext context);

    Task<CommandOutcome> RejectAsync(RejectGrant command, CommandContext context);

    Task<CommandOutcome> CancelAsync(CancelGrant command, CommandContext context);

    Task<CommandOutcome> CompleteAsync(CompleteGrant command, CommandContext context);

    Task<CommandOutcome> CloseAsync(CloseGrant command, CommandContext context);

    Task<CommandOutcome> ReviseBudgetAsync(ReviseGrantBudget command, CommandContext context);

    Task<CommandOutcome> PrepareTrancheAsync(PrepareTranche command, CommandContext context);

    Task<CommandOutcome> ApproveTrancheAsync(ApproveTranche command, CommandContext context);

    Task<CommandOutcome> RejectTrancheAsync(RejectTranche command, CommandContext context);

    Task<CommandOutcome> DefineIndicatorAsync(DefineIndicator command, CommandContext context);

    Task<CommandOutcome> SubmitProgressReportAsync(SubmitProgressReport command, CommandContext context);

    Task<CommandOutcome> AcceptProgressReportAsync(AcceptProgressReport command, CommandContext context);

    Task<CommandOutcome> ReturnProgressReportAsync(ReturnProgressReport command, CommandContext context);

    Task<CommandOutcome> RecordRecommendationStatusAsync(RecordRecommendationStatus command, CommandContext context);

    /// <summary>The fund the grant belongs to, or null when there is no such grant.</summary>
    Task<string?> FundAsync();
}
