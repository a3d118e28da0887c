using System.Globalization;
using FundManager.Common;
using FundManager.Entities;
using FundManager.Funds;
using FundManager.Pledges;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FundManager.Api.Http.Endpoints;

/// <summary>
/// Pledges and the money received on them. Donors see and announce their own; the secretariat records the rest. A
/// donor asking for another's record is told it does not exist.
/// </summary>
public static class PledgeEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var pledges = api.MapGroup("/pledges").WithTags("Pledges and receipts");
        pledges.MapGet("/", ListAsync).RequireAuthorization().Refuses(BusinessRule.InvalidFundCode);
        pledges.MapGet("/{id:guid}", GetAsync).RequireAuthorization();
        pledges.MapGet("/{id:guid}/receipts", PledgeReceiptsAsync).RequireAuthorization();
        pledges.MapGet("/{id:guid}/history", HistoryAsync).RequireAuthorization();
        api.MapGet("/receipts", ReceiptsAsync).WithTags("Pledges and receipts").RequireAuthorization().Refuses(BusinessRule.InvalidFundCode);

        pledges.MapPost("/", AnnounceAsync).RequireAuthorization(Policies.OfficerOrDonor).Sends<AnnouncePledge>();
        pledges.MapPost("/{id:guid}/sign", SignAsync).RequireAuthorization(Policies.Officer).Sends<SignPledge>();
        pledges.MapPost("/{id:guid}/amend", AmendAsync).RequireAuthorization(Policies.Officer).Sends<AmendPledge>();
        pledges.MapPost("/{id:guid}/cancel", CancelAsync).RequireAuthorization(Policies.Officer).Sends<CancelPledge>();
        pledges.MapPost("/{id:guid}/write-off", WriteOffAsync).RequireAuthorization(Policies.Officer).Sends<WriteOffPledge>();
        pledges.MapPost("/{id:guid}/receipts", RecordReceiptAsync).RequireAuthorization(Policies.Officer).Sends<RecordReceipt>();
        api.MapPost("/receipts/unpledged", RecordUnpledgedReceiptAsync).WithTags("Pledges and receipts").RequireAuthorization(Policies.Officer).Sends<RecordUnpledgedReceipt>();
    }

    public static async Task<Ok<Page<PledgeView>>> ListAsync(
        int? limit, string? cursor, string? fund, Guid? donor, PledgeStatus? status, EarmarkKind? earmark, int? year, HttpContext http, FundSystem system, CancellationToken ct) =>
        TypedResults.Ok(await Paging.PageAsync<Pledge, PledgeEvent, PledgeView>(
            system,
            Paging.Query(EntityKind.Pledge, limit, cursor) with
            {
                Fund = fund is null ? null : FundCode.Parse(fund, "fund"),
                Donor = VisibleDonor(http, donor),
                Status = status?.ToString(),
                Category = earmark?.ToString(),
                Year = year,
            },
            p => p.Id.ToString(), PledgeView.Of, ct));

    public static async Task<Ok<PledgeView>> GetAsync(Guid id, HttpContext http, FundSystem system, CancellationToken ct) =>
        Responses.Found(http, await VisiblePledgeAsync(id, http, system, ct), PledgeView.Of);

    public static async Task<Ok<Page<ReceiptView>>> PledgeReceiptsAsync(Guid id, int? limit, string? cursor, HttpContext http, FundSystem system, CancellationToken ct)
    {
        await VisiblePledgeAsync(id, http, system, ct);
        return TypedResults.Ok(await FindReceiptsAsync(system, new ReceiptQuery(Paging.Limit(limit) + 1) { Pledge = id, After = Paging.Position(cursor) }, ct));
    }

    public static async Task<Ok<Page<HistoryView>>> HistoryAsync(Guid id, string? cursor, int? limit, HttpContext http, FundSystem system, CancellationToken ct)
    {
        await VisiblePledgeAsync(id, http, system, ct);
        return TypedResults.Ok(await Responses.HistoryAsync(system, StreamId.For(new PledgeId(id)), cursor, limit, ct));
    }

    public static async Task<Ok<Page<ReceiptView>>> ReceiptsAsync(
        int? limit, string? cursor, string? fund, Guid? donor, Guid? pledge, int? year, ReceiptChannel? channel, HttpContext http, FundSystem system, CancellationToken ct) =>
        TypedResults.Ok(await FindReceiptsAsync(
            system,
            new ReceiptQuery(Paging.Limit(limit) + 1)
            {
                Fund = fund is null ? null : FundCode.Parse(fund, "fund"),
                Donor = VisibleDonor(http, donor),
                Pledge = pledge,
                Year = year,
                Channel = channel,
                After = Paging.Position(cursor),
            },
            ct));

    /// <summary>Donors may announce pledges for themselves; the secretariat records everything else.</summary>
    public static async Task<Created<CommandResponse>> AnnounceAsync(AnnouncePledge body, HttpContext http, FundSystem system, CancellationToken ct)
    {
        if (!http.User.IsInRole(Identity.Role.Officer) && http.OwnDonor() != body.Donor)
        {
            throw Responses.NotFound("donor");
        }

        return Responses.Created(http, await system.Pledges.HandleAsync(body, http.Command(creates: true), ct));
    }

    public static async Task<Ok<CommandResponse>> SignAsync(Guid id, SignPledgeRequest body, HttpContext http, FundSystem system, CancellationToken ct) =>
        Responses.Done(http, await system.Pledges.HandleAsync(new SignPledge(id, body.SignedOn, body.AgreementReference), http.Command(), ct));

    public static async Task<Ok<CommandResponse>> AmendAsync(Guid id, AmendPledgeRequest body, HttpContext http, FundSystem system, CancellationToken ct) =>
        Responses.Done(http, await system.Pledges.HandleAsync(new AmendPledge(id, body.Instalments, body.Reason, body.EffectiveOn), http.Command(), ct));

    public static async Task<Ok<CommandResponse>> CancelAsync(Guid id, ReasonRequest body, HttpContext http, FundSystem system, CancellationToken ct) =>
        Responses.Done(http, await system.Pledges.HandleAsync(new CancelPledge(id, body.On, body.Reason), http.Command(), ct));

    public static async Task<Ok<CommandResponse>> WriteOffAsync(Guid id, ReasonRequest body, HttpContext http, FundSystem system, CancellationToken ct) =>
        Responses.Done(http, await system.Pledges.HandleAsync(new WriteOffPledge(id, body.On, body.Reason), http.Command(), ct));

    public static async Task<Created<CommandResponse>> RecordReceiptAsync(Guid id, ReceiptRequest body, HttpContext http, FundSystem system, CancellationToken ct) =>
        Responses.Created(http, await system.Pledges.HandleAsync(
            new RecordReceipt(id, body.Reference, body.Channel, body.ReceivedOn, body.Amount, body.Currency, body.Allocations, body.Id), http.Command(creates: true), ct));

    public static async Task<Created<CommandResponse>> RecordUnpledgedReceiptAsync(RecordUnpledgedReceipt body, HttpContext http, FundSystem system, CancellationToken ct) =>
        Responses.Created(http, await system.Pledges.HandleAsync(body, http.Command(creates: true), ct));

    private static async Task<Page<ReceiptView>> FindReceiptsAsync(FundSystem system, ReceiptQuery query, CancellationToken ct) =>
        Paging.Of(await system.Receipts.FindAsync(query, ct), query.Limit - 1, r => r.Position.ToString(CultureInfo.InvariantCulture), ReceiptView.Of);

    /// <summary>The donor whose records a list shows: a donor user's own, whatever they asked for; anyone else's as asked.</summary>
    private static Guid? VisibleDonor(HttpContext http, Guid? asked) =>
        http.SeesAllDonors() ? asked : http.OwnDonor() ?? throw Responses.NotFound();

    private static async Task<Pledge> VisiblePledgeAsync(Guid id, HttpContext http, FundSystem system, CancellationToken ct)
    {
        var pledge = await system.Entities.LoadAsync<Pledge, PledgeEvent>(StreamId.For(new PledgeId(id)), ct);
        return pledge.Exists && (http.SeesAllDonors() || http.OwnDonor() == pledge.Donor.Value) ? pledge : throw Responses.NotFound();
    }
}
