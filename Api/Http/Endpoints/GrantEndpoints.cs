using FundManager.Common;
using FundManager.Entities;
using FundManager.Funds;
using FundManager.Grants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FundManager.Api.Http.Endpoints;

/// <summary>
/// Grants through their lifecycle: the secretariat's staff read them, officers prepare, the Board recommends, approvers
/// decide. Every command endpoint is one line: its route, its policy and the command it sends, whose refusals it declares.
/// </summary>
public static class GrantEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var grants = api.MapGroup("/grants").WithTags("Grants");
        grants.MapGet("/", ListAsync).RequireAuthorization(Policies.Staff).Refuses(BusinessRule.InvalidFundCode);
        grants.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.Staff);
        grants.MapGet("/{id:guid}/history", HistoryAsync).RequireAuthorization(Policies.Staff);
        grants.MapPost("/", DraftAsync).RequireAuthorization(Policies.Officer).Sends<DraftGrant>();

        Command(grants, "/{id:guid}/revise", Policies.Officer, (Guid id, ReviseDraftRequest b) => new ReviseGrantDraft(id, b.Plan));
        Command(grants, "/{id:guid}/consent", Policies.Officer, (Guid id, ConsentRequest b) => new RecordConsent(id, b.Reference, b.GivenOn));
        Command(grants, "/{id:guid}/submit", Policies.Officer, (Guid id, DateRequest b) => new SubmitGrant(id, b.On));
        Command(grants, "/{id:guid}/review", Policies.Officer, (Guid id, ReviewRequest b) => new ReviewGrant(id, b.On, b.Note));
        Command(grants, "/{id:guid}/recommend", Policies.Board, (Guid id, RecommendRequest b) => new RecommendGrant(id, b.BoardSession, b.On));
        Command(grants, "/{id:guid}/approve", Policies.Approver, (Guid id, DateRequest b) => new ApproveGrant(id, b.On));
        Command(grants, "/{id:guid}/reject", Policies.Approver, (Guid id, ReasonRequest b) => new RejectGrant(id, b.On, b.Reason));
        Command(grants, "/{id:guid}/cancel", Policies.Approver, (Guid id, ReasonRequest b) => new CancelGrant(id, b.On, b.Reason));
        Command(grants, "/{id:guid}/complete", Policies.Officer, (Guid id, DateRequest b) => new CompleteGrant(id, b.On));
        Command(grants, "/{id:guid}/close", Policies.Approver, (Guid id, DateRequest b) => new CloseGrant(id, b.On));
        Command(grants, "/{id:guid}/budget-revisions", Policies.Officer, (Guid id, BudgetRevisionRequest b) => new ReviseGrantBudget(id, b.Budget, b.Tranches, b.Reason, b.On));
        Command(grants, "/{id:guid}/indicators", Policies.Officer, (Guid id, IndicatorRequest b) => new DefineIndicator(id, b.Name, b.Unit, b.Baseline, b.Target));
        Command(grants, "/{id:guid}/progress-reports", Policies.Officer, (Guid id, ProgressReportRequest b) =>
            new SubmitProgressReport(id, b.PeriodStart, b.PeriodEnd, b.CoversTranche, b.Narrative, b.Values, b.On, b.Resubmits));
        Command(grants, "/{id:guid}/recommendation-statuses", Policies.Officer, (Guid id, RecommendationStatusRequest b) =>
            new RecordRecommendationStatus(id, b.Recommendation, b.Status, b.Evidence, b.AsOf));

        grants.MapPost("/{id:guid}/tranches/{number:int}/prepare", (Guid id, int number, PrepareTrancheRequest b, HttpContext http, FundSystem system, CancellationToken ct) =>
            Send(http, system, new PrepareTranche(id, number, b.On, b.Amount), ct))
            .RequireAuthorization(Policies.Officer)
            .Sends<PrepareTranche>();
        grants.MapPost("/{id:guid}/tranches/{number:int}/approve", (Guid id, int number, DateRequest b, HttpContext http, FundSystem system, CancellationToken ct) =>
            Send(http, system, new ApproveTranche(id, number, b.On), ct))
            .RequireAuthorization(Policies.Approver)
            .Sends<ApproveTranche>();
        grants.MapPost("/{id:guid}/tranches/{number:int}/reject", (Guid id, int number, ReasonRequest b, HttpContext http, FundSystem system, CancellationToken ct) =>
            Send(http, system, new RejectTranche(id, number, b.On, b.Reason), ct))
            .RequireAuthorization(Policies.Approver)
            .Sends<RejectTranche>();
        grants.MapPost("/{id:guid}/progress-reports/{number:int}/accept", (Guid id, int number, DateRequest b, HttpContext http, FundSystem system, CancellationToken ct) =>
            Send(http, system, new AcceptProgressReport(id, number, b.On), ct))
            .RequireAuthorization(Policies.Approver)
            .Sends<AcceptProgressReport>();
        grants.MapPost("/{id:guid}/progress-reports/{number:int}/return", (Guid id, int number, ReturnReportRequest b, HttpContext http, FundSystem system, CancellationToken ct) =>
            Send(http, system, new ReturnProgressReport(id, number, b.On, b.Comments), ct))
            .RequireAuthorization(Policies.Approver)
            .Sends<ReturnProgressReport>();
    }

    public static async Task<Ok<Page<GrantView>>> ListAsync(
        int? limit, string? cursor, string? fund, GrantStatus? status, string? country, Reference.OhchrRegion? region, CooperationModality? modality, int? year,
        FundSystem system, CancellationToken ct) =>
        TypedResults.Ok(await Paging.PageAsync<Grant, GrantEvent, GrantView>(
            system,
            Paging.Query(EntityKind.Grant, limit, cursor) with
            {
                Fund = fund is null ? null : FundCode.Parse(fund, "fund"),
                Status = status?.ToString(),
                Country = country?.ToUpperInvariant(),
                Region = region?.ToString(),
                Category = modality?.ToString(),
                Year = year,
            },
            g => g.Id.ToString(), GrantView.Of, ct));

    public static async Task<Ok<GrantView>> GetAsync(Guid id, HttpContext http, FundSystem system, CancellationToken ct) =>
        Responses.Found(http, await system.Entities.LoadAsync<Grant, GrantEvent>(StreamId.For(new GrantId(id)), ct), GrantView.Of);

    public static async Task<Ok<Page<HistoryView>>> HistoryAsync(Guid id, string? cursor, int? limit, FundSystem system, CancellationToken ct) =>
        TypedResults.Ok(await Responses.HistoryAsync(system, StreamId.For(new GrantId(id)), cursor, limit, ct));

    public static async Task<Created<CommandResponse>> DraftAsync(DraftGrant body, HttpContext http, FundSystem system, CancellationToken ct) =>
        Responses.Created(http, await system.Grants.HandleAsync(body, http.Command(creates: true), ct));

    private static void Command<TBody, TCommand>(RouteGroupBuilder grants, string pattern, string policy, Func<Guid, TBody, TCommand> command)
        where TCommand : ICommand =>
        grants.MapPost(pattern, (Guid id, TBody body, HttpContext http, FundSystem system, CancellationToken ct) => Send(http, system, command(id, body), ct))
            .RequireAuthorization(policy)
            .Sends<TCommand>();

    // One dispatch for every grant command: GrantService has a HandleAsync overload per command type.
    private static async Task<Ok<CommandResponse>> Send<TCommand>(HttpContext http, FundSystem system, TCommand command, CancellationToken ct)
        where TCommand : notnull
    {
        var context = http.Command();
        var result = command switch
        {
            ReviseGrantDraft c => await system.Grants.HandleAsync(c, context, ct),
            RecordConsent c => await system.Grants.HandleAsync(c, context, ct),
            SubmitGrant c => await system.Grants.HandleAsync(c, context, ct),
            ReviewGrant c => await system.Grants.HandleAsync(c, context, ct),
            RecommendGrant c => await system.Grants.HandleAsync(c, context, ct),
            ApproveGrant c => await system.Grants.HandleAsync(c, context, ct),
            RejectGrant c => await system.Grants.HandleAsync(c, context, ct),
            CancelGrant c => await system.Grants.HandleAsync(c, context, ct),
            CompleteGrant c => await system.Grants.HandleAsync(c, context, ct),
            CloseGrant c => await system.Grants.HandleAsync(c, context, ct),
            ReviseGrantBudget c => await system.Grants.HandleAsync(c, context, ct),
            DefineIndicator c => await system.Grants.HandleAsync(c, context, ct),
            SubmitProgressReport c => await system.Grants.HandleAsync(c, context, ct),
            RecordRecommendationStatus c => await system.Grants.HandleAsync(c, context, ct),
            PrepareTranche c => await system.Grants.HandleAsync(c, context, ct),
            ApproveTranche c => await system.Grants.HandleAsync(c, context, ct),
            RejectTranche c => await system.Grants.HandleAsync(c, context, ct),
            AcceptProgressReport c => await system.Grants.HandleAsync(c, context, ct),
            ReturnProgressReport c => await system.Grants.HandleAsync(c, context, ct),
            _ => throw new InvalidOperationException($"No grant command {typeof(TCommand).Name}."),
        };
        return Responses.Done(http, result);
    }
}
