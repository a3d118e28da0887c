using FundManager.Entities;
using FundManager.Funds;
using FundManager.Persistence;
using FundManager.Recommendations;

namespace FundManager.Grants;

/// <summary>
/// Carries out the commands on grants. Commands that commit or spend the fund's money (approval,
/// budget increases, tranche payments) lock the fund's ledger first, so their checks hold across processes.
/// </summary>
public sealed class GrantService(CommandRunner runner)
{
    public Task<CommandResult> HandleAsync(DraftGrant command, CommandContext context, CancellationToken ct = default) =>
        runner.RunAsync(context, command, async (uow, token) =>
        {
            var code = FundCode.Parse(command.Fund);
            var fund = await uow.GetAsync<Fund, FundEvent>(StreamId.For(code), token);
            var id = new GrantId(command.Id ?? Guid.NewGuid());
            var stream = StreamId.For(id);
            if (await uow.ExistsAsync(stream, token))
            {
                throw RuleViolation.Of(BusinessRule.EntityAlreadyExists, $"Grant {id} already exists.", "id", ("grant", id.ToString()));
            }

            var grant = new Grant();
            var states = await RecommendationStatesAsync(uow, command.Plan, token);
            uow.Record(stream, grant, Grant.Draft(id, fund, Preconditions.NotNull(command.Plan, "plan"), states), code, grant.PostingFor);
            return new CommandResult(stream.ToString(), grant.Version);
        }, ct);

    public Task<CommandResult> HandleAsync(ReviseGrantDraft command, CommandContext context, CancellationToken ct = default) =>
        Change(context, command, command.Grant, FundAccess.Read, async (uow, grant, fund, _, token) =>
            grant.ReviseDraft(fund!, Preconditions.NotNull(command.Plan, "plan"), await RecommendationStatesAsync(uow, command.Plan, token)), ct);

    public Task<CommandResult> HandleAsync(RecordConsent command, CommandContext context, CancellationToken ct = default) =>
        Change(context, command, command.Grant, g => g.RecordConsent(command.Reference, command.GivenOn), ct);

    public Task<CommandResult> HandleAsync(SubmitGrant command, CommandContext context, CancellationToken ct = default) =>
        Change(context, command, command.Grant, g => g.Submit(command.On), ct);

    public Task<CommandResult> HandleAsync(ReviewGrant command, CommandContext context, CancellationToken ct = default) =>
        Change(context, command, command.Grant, g => g.Review(command.On, command.Note), ct);

    public Task<CommandResult> HandleAsync(RecommendGrant command, CommandContext context, CancellationToken ct = default) =>
        Change(context, command, command.Grant, g => g.Recommend(command.BoardSession, command.On), ct);

    public Task<CommandResult> HandleAsync(ApproveGrant command, CommandContext context, CancellationToken ct = default) =>
        Change(context, command, command.Grant, FundAccess.Lock, (_, grant, fund, position, _) =>
            Task.FromResult(grant.Approve(fund!, position!, command.On)), ct);

    public Task<CommandResult> HandleAsync(RejectGrant command, CommandContext context, CancellationToken ct = default) =>
        Change(context, command, command.Grant, g => g.Reject(command.On, command.Reason), ct);

    public Task<CommandResult> HandleAsync(CancelGrant command, CommandContext context, CancellationToken ct = default) =>
        Change(context, command, command.Grant, g => g.Cancel(command.On, command.Reason), ct);

    public Task<CommandResult> HandleAsync(CompleteGrant command, CommandContext context, CancellationToken ct = default) =>
        Change(context, command, command.Grant, g => g.Complete(command.On), ct);

    public Task<CommandResult> HandleAsync(CloseGrant command, CommandContext context, CancellationToken ct = default) =>
        Change(context, command, command.Grant, g => g.Close(command.On), ct);

    public Task<CommandResult> HandleAsync(ReviseGrantBudget command, CommandContext context, CancellationToken ct = default) =>
        Change(context, command, command.Grant, FundAccess.Lock, (_, grant, _, position, _) =>
            Task.FromResult(grant.ReviseBudget(command.Budget ?? [], command.Tranches ?? [], command.Reason, command.On, position)), ct);

    public Task<CommandResult> HandleAsync(PrepareTranche command, CommandContext context, CancellationToken ct = default) =>
        Change(context, command, command.Grant, g => g.PrepareTranche(command.Number, command.Amount, context.Actor, command.On), ct);

    public Task<CommandResult> HandleAsync(ApproveTranche command, CommandContext context, CancellationToken ct = default) =>
        Change(context, command, command.Grant, FundAccess.Lock, (_, grant, _, position, _) =>
            Task.FromResult(grant.ApproveTranche(command.Number, context.Actor, command.On, position!)), ct);

    public Task<CommandResult> HandleAsync(RejectTranche command, CommandContext context, CancellationToken ct = default) =>
        Change(context, command, command.Grant, g => g.RejectTranche(command.Number, context.Actor, command.On, command.Reason), ct);

    public Task<CommandResult> HandleAsync(DefineIndicator command, CommandContext context, CancellationToken ct = default) =>
        Change(context, command, command.Grant, g => g.DefineIndicator(command.Name, command.Unit, command.Baseline, command.Target), ct);

    public Task<CommandResult> HandleAsync(SubmitProgressReport command, CommandContext context, CancellationToken ct = default) =>
        Change(context, command, command.Grant, g => g.SubmitProgressReport(
            command.Resubmits, command.PeriodStart, command.PeriodEnd, command.CoversTranche, command.Narrative, command.Values ?? [], context.Actor, command.On), ct);

    public Task<CommandResult> HandleAsync(AcceptProgressReport command, CommandContext context, CancellationToken ct = default) =>
        Change(context, command, command.Grant, g => g.AcceptProgressReport(command.Number, context.Actor, command.On), ct);

    public Task<CommandResult> HandleAsync(ReturnProgressReport command, CommandContext context, CancellationToken ct = default) =>
        Change(context, command, command.Grant, g => g.ReturnProgressReport(command.Number, context.Actor, command.On, command.Comments), ct);

    public Task<CommandResult> HandleAsync(RecordRecommendationStatus command, CommandContext context, CancellationToken ct = default) =>
        Change(context, command, command.Grant, g => g.RecordRecommendationStatus(command.Recommendation, command.Status, command.Evidence, command.AsOf, context.Actor), ct);

    private Task<CommandResult> Change<TCommand>(CommandContext context, TCommand command, Guid grantId, Func<Grant, GrantEvent[]> decide, CancellationToken ct)
        where TCommand : notnull =>
        Change(context, command, grantId, FundAccess.None, (_, grant, _, _, _) => Task.FromResult(decide(grant)), ct);

    private Task<CommandResult> Change<TCommand>(
        CommandContext context, TCommand command, Guid grantId, FundAccess access,
        Func<UnitOfWork, Grant, Fund?, FundPosition?, CancellationToken, Task<GrantEvent[]>> decide, CancellationToken ct)
        where TCommand : notnull =>
        runner.RunAsync(context, command, async (uow, token) =>
        {
            var stream = StreamId.For(new GrantId(grantId));
            Fund? fund = null;
            FundPosition? position = null;
            if (access == FundAccess.Lock)
            {
                // The fund is locked before the grant is read, so the decision sees the latest of both.
                var fundCode = await FundOfAsync(uow, stream, token);
                fund = await uow.GetAsync<Fund, FundEvent>(StreamId.For(fundCode), token);
                position = await uow.LockFundAsync(fundCode, fund.ReserveRate, token);
            }

            var grant = await uow.TargetAsync<Grant, GrantEvent>(stream, token);
            if (access == FundAccess.Read)
            {
                fund = await uow.GetAsync<Fund, FundEvent>(StreamId.For(grant.Fund), token);
            }

            var events = await decide(uow, grant, fund, position, token);
            uow.Record(stream, grant, events, grant.Fund, grant.PostingFor);
            return new CommandResult(stream.ToString(), grant.Version);
        }, ct);

    private static async Task<FundCode> FundOfAsync(UnitOfWork uow, StreamId grant, CancellationToken ct) =>
        await uow.FundOfStreamAsync(grant, ct)
        ?? throw RuleViolation.Of(BusinessRule.EntityNotFound, $"There is no grant {grant.Key}.", "grant", ("id", grant.Key));

    private static async Task<IReadOnlyDictionary<string, CountryCode>> RecommendationStatesAsync(UnitOfWork uow, GrantPlan? plan, CancellationToken ct)
    {
        var states = new Dictionary<string, CountryCode>(StringComparer.Ordinal);
        foreach (var id in (plan?.Recommendations ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).Distinct())
        {
            var recommendation = await uow.LoadAsync<UprRecommendation, RecommendationEvent>(StreamId.ForRecommendation(id), ct);
            if (recommendation.Exists)
            {
                states[id] = recommendation.StateUnderReview;
            }
        }

        return states;
    }

    private enum FundAccess
    {
        None,
        Read,
        Lock,
    }
}
