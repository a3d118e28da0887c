using FundManager.Cluster;
using FundManager.Entities;
using FundManager.Funds;
using FundManager.Persistence;
using FundManager.Recommendations;
using Microsoft.Extensions.DependencyInjection;

namespace FundManager.Grants;

/// <summary>
/// Hosts a grant (see <see cref="EntityGrain{TEntity,TEvent}"/>). Commands that commit or spend the fund's money
/// (approval, a larger budget, a tranche payment) decide on the fund's position as its grain gives it, and carry the
/// same check to the fund's grain, which applies it again to its balances when it writes the posting.
/// </summary>
[FundAffinityPlacement]
public sealed class GrantGrain(EntityStore store, [FromKeyedServices(BusinessClock.Key)] TimeProvider clock) : EntityGrain<Grant, GrantEvent>(store, clock), IGrantGrain
{
    private GrantId Id => new(this.GetPrimaryKey());

    protected override StreamId Stream => StreamId.For(Id);

    public Task<CommandOutcome> DraftAsync(DraftGrant command, CommandContext context) =>
        RunAsync(command, context, async decision =>
        {
            var grant = Entity;
            decision.RequireNew(grant, "id", $"Grant {Id} already exists.");
            var code = FundCode.Parse(command.Fund);
            var fund = (await SnapshotAsync(code)).Fund();
            var plan = Preconditions.NotNull(command.Plan, "plan");
            decision.Record(grant, Grant.Draft(Id, fund, plan, await RecommendationStatesAsync(plan)), code, grant.PostingFor, grant.FundCheckFor);
            return Result(grant);
        });

    public Task<CommandOutcome> ReviseDraftAsync(ReviseGrantDraft command, CommandContext context) =>
        Change(command, context, async (grant, _) =>
        {
            var plan = Preconditions.NotNull(command.Plan, "plan");
            return grant.ReviseDraft((await SnapshotAsync(grant.Fund)).Fund(), plan, await RecommendationStatesAsync(plan));
        });

    public Task<CommandOutcome> RecordConsentAsync(RecordConsent command, CommandContext context) =>
        Change(command, context, g => g.RecordConsent(command.Reference, command.GivenOn));

    public Task<CommandOutcome> SubmitAsync(SubmitGrant command, CommandContext context) =>
        Change(command, context, g => g.Submit(command.On));

    public Task<CommandOutcome> ReviewAsync(ReviewGrant command, CommandContext context) =>
        Change(command, context, g => g.Review(command.On, command.Note));

    public Task<CommandOutcome> RecommendAsync(RecommendGrant command, CommandContext context) =>
        Change(command, context, g => g.Recommend(command.BoardSession, command.On));

    public Task<CommandOutcome> ApproveAsync(ApproveGrant command, CommandContext context) =>
        Change(command, context, async (grant, decision) =>
        {
            // Approval fixes PSC at the fund's rate: the write is refused if the rates change before it commits.
            var snapshot = await SnapshotAsync(grant.Fund);
            decision.ExpectFund(grant.Fund, snapshot.Version);
            return grant.Approve(snapshot.Fund(), snapshot.Position, command.On);
        });

    public Task<CommandOutcome> RejectAsync(RejectGrant command, CommandContext context) =>
        Change(command, context, g => g.Reject(command.On, command.Reason));

    public Task<CommandOutcome> CancelAsync(CancelGrant command, CommandContext context) =>
        Change(command, context, g => g.Cancel(command.On, command.Reason));

    public Task<CommandOutcome> CompleteAsync(CompleteGrant command, CommandContext context) =>
        Change(command, context, g => g.Complete(command.On));

    public Task<CommandOutcome> CloseAsync(CloseGrant command, CommandContext context) =>
        Change(command, context, g => g.Close(command.On));

    public Task<CommandOutcome> ReviseBudgetAsync(ReviseGrantBudget command, CommandContext context) =>
        Change(command, context, async (grant, _) =>
            grant.ReviseBudget(command.Budget ?? [], command.Tranches ?? [], command.Reason, command.On, await PositionAsync(grant.Fund)));

    public Task<CommandOutcome> PrepareTrancheAsync(PrepareTranche command, CommandContext context) =>
        Change(command, context, g => g.PrepareTranche(command.Number, command.Amount, context.Actor, command.On));

    public Task<CommandOutcome> ApproveTrancheAsync(ApproveTranche command, CommandContext context) =>
        Change(command, context, async (grant, _) =>
            grant.ApproveTranche(command.Number, context.Actor, command.On, await PositionAsync(grant.Fund)));

    public Task<CommandOutcome> RejectTrancheAsync(RejectTranche command, CommandContext context) =>
        Change(command, context, g => g.RejectTranche(command.Number, context.Actor, command.On, command.Reason));

    public Task<CommandOutcome> DefineIndicatorAsync(DefineIndicator command, CommandContext context) =>
        Change(command, context, g => g.DefineIndicator(command.Name, command.Unit, command.Baseline, command.Target));

    public Task<CommandOutcome> SubmitProgressReportAsync(SubmitProgressReport command, CommandContext context) =>
        Change(command, context, g => g.SubmitProgressReport(
            command.Resubmits, command.PeriodStart, command.PeriodEnd, command.CoversTranche, command.Narrative, command.Values ?? [], context.Actor, command.On));

    public Task<CommandOutcome> AcceptProgressReportAsync(AcceptProgressReport command, CommandContext context) =>
        Change(command, context, g => g.AcceptProgressReport(command.Number, context.Actor, command.On));

    public Task<CommandOutcome> ReturnProgressReportAsync(ReturnProgressReport command, CommandContext context) =>
        Change(command, context, g => g.ReturnProgressReport(command.Number, context.Actor, command.On, command.Comments));

    public Task<CommandOutcome> RecordRecommendationStatusAsync(RecordRecommendationStatus command, CommandContext context) =>
        Change(command, context, g => g.RecordRecommendationStatus(command.Recommendation, command.Status, command.Evidence, command.AsOf, context.Actor));

    public Task<string?> FundAsync() => Task.FromResult(Entity.Exists ? Entity.Fund.Value : null);

    private Task<CommandOutcome> Change(object command, CommandContext context, Func<Grant, GrantEvent[]> decide) =>
        Change(command, context, (grant, _) => Task.FromResult(decide(grant)));

    private Task<CommandOutcome> Change(object command, CommandContext context, Func<Grant, CommandDecision, Task<GrantEvent[]>> decide) =>
        RunAsync(command, context, async decision =>
        {
            var grant = decision.Target(Entity);
            decision.Record(grant, await decide(grant, decision), grant.Fund, grant.PostingFor, grant.FundCheckFor);
            return Result(grant);
        });

    private CommandResult Result(Grant grant) => new(Stream.ToString(), grant.Version);

    private async Task<FundSnapshot> SnapshotAsync(FundCode code) =>
        await Fund(code).SnapshotAsync()
        ?? throw RuleViolation.Of(BusinessRule.EntityNotFound, $"There is no fund {code}.", "fund", ("fund", code.Value));

    private async Task<FundPosition> PositionAsync(FundCode code) =>
        await Fund(code).PositionAsync()
        ?? throw RuleViolation.Of(BusinessRule.EntityNotFound, $"There is no fund {code}.", "fund", ("fund", code.Value));

    // The State each recommendation was made to, as its grain holds it; unregistered ones are left out (the plan's check names them).
    private async Task<IReadOnlyDictionary<string, CountryCode>> RecommendationStatesAsync(GrantPlan plan)
    {
        var states = new Dictionary<string, CountryCode>(StringComparer.Ordinal);
        foreach (var id in (plan.Recommendations ?? []).Select(r => Text.Check(r, "recommendations", 100, allowLineBreaks: false)).Distinct())
        {
            if (await GrainFactory.GetGrain<IRecommendationGrain>(id).StateUnderReviewAsync() is { } state)
            {
                states[id] = CountryCode.Parse(state);
            }
        }

        return states;
    }
}
