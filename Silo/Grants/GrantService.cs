using FundManager.Cluster;
using FundManager.Funds;
using FundManager.Persistence;

namespace FundManager.Grants;

/// <summary>Sends the commands on grants, tranches and outcomes to the grants' grains.</summary>
public sealed class GrantService(CommandSender sender)
{
    public Task<CommandResult> HandleAsync(DraftGrant command, CommandContext context, CancellationToken ct = default)
    {
        var id = command.Id ?? context.Id.Derive("grant");
        return Send(command, context, id, g => g.DraftAsync(command with { Id = id }, context), ct, FundCode.Parse(command.Fund));
    }

    public Task<CommandResult> HandleAsync(ReviseGrantDraft command, CommandContext context, CancellationToken ct = default) =>
        Send(command, context, command.Grant, g => g.ReviseDraftAsync(command, context), ct);

    public Task<CommandResult> HandleAsync(RecordConsent command, CommandContext context, CancellationToken ct = default) =>
        Send(command, context, command.Grant, g => g.RecordConsentAsync(command, context), ct);

    public Task<CommandResult> HandleAsync(SubmitGrant command, CommandContext context, CancellationToken ct = default) =>
        Send(command, context, command.Grant, g => g.SubmitAsync(command, context), ct);

    public Task<CommandResult> HandleAsync(ReviewGrant command, CommandContext context, CancellationToken ct = default) =>
        Send(command, context, command.Grant, g => g.ReviewAsync(command, context), ct);

    public Task<CommandResult> HandleAsync(RecommendGrant command, CommandContext context, CancellationToken ct = default) =>
        Send(command, context, command.Grant, g => g.RecommendAsync(command, context), ct);

    public Task<CommandResult> HandleAsync(ApproveGrant command, CommandContext context, CancellationToken ct = default) =>
        Send(command, context, command.Grant, g => g.ApproveAsync(command, context), ct);

    public Task<CommandResult> HandleAsync(RejectGrant command, CommandContext context, CancellationToken ct = default) =>
        Send(command, context, command.Grant, g => g.RejectAsync(command, context), ct);

    public Task<CommandResult> HandleAsync(CancelGrant command, CommandContext context, CancellationToken ct = default) =>
        Send(command, context, command.Grant, g => g.CancelAsync(command, context), ct);

    public Task<CommandResult> HandleAsync(CompleteGrant command, CommandContext context, CancellationToken ct = default) =>
        Send(command, context, command.Grant, g => g.CompleteAsync(command, context), ct);

    public Task<CommandResult> HandleAsync(CloseGrant command, CommandContext context, CancellationToken ct = default) =>
        Send(command, context, command.Grant, g => g.CloseAsync(command, context), ct);

    public Task<CommandResult> HandleAsync(ReviseGrantBudget command, CommandContext context, CancellationToken ct = default) =>
        Send(command, context, command.Grant, g => g.ReviseBudgetAsync(command, context), ct);

    public Task<CommandResult> HandleAsync(PrepareTranche command, CommandContext context, CancellationToken ct = default) =>
        Send(command, context, command.Grant, g => g.PrepareTrancheAsync(command, context), ct);

    public Task<CommandResult> HandleAsync(ApproveTranche command, CommandContext context, CancellationToken ct = default) =>
        Send(command, context, command.Grant, g => g.ApproveTrancheAsync(command, context), ct);

    public Task<CommandResult> HandleAsync(RejectTranche command, CommandContext context, CancellationToken ct = default) =>
        Send(command, context, command.Grant, g => g.RejectTrancheAsync(command, context), ct);

    public Task<CommandResult> HandleAsync(DefineIndicator command, CommandContext context, CancellationToken ct = default) =>
        Send(command, context, command.Grant, g => g.DefineIndicatorAsync(command, context), ct);

    public Task<CommandResult> HandleAsync(SubmitProgressReport command, CommandContext context, CancellationToken ct = default) =>
        Send(command, context, command.Grant, g => g.SubmitProgressReportAsync(command, context), ct);

    public Task<CommandResult> HandleAsync(AcceptProgressReport command, CommandContext context, CancellationToken ct = default) =>
        Send(command, context, command.Grant, g => g.AcceptProgressReportAsync(command, context), ct);

    public Task<CommandResult> HandleAsync(ReturnProgressReport command, CommandContext context, CancellationToken ct = default) =>
        Send(command, context, command.Grant, g => g.ReturnProgressReportAsync(command, context), ct);

    public Task<CommandResult> HandleAsync(RecordRecommendationStatus command, CommandContext context, CancellationToken ct = default) =>
        Send(command, context, command.Grant, g => g.RecordRecommendationStatusAsync(command, context), ct);

    private Task<CommandResult> Send(object command, CommandContext context, Guid grant, Func<IGrantGrain, Task<CommandOutcome>> send, CancellationToken ct, FundCode? fund = null) =>
        sender.SendAsync(command, context, g => send(g.GetGrain<IGrantGrain>(grant)), ct, fund);
}
