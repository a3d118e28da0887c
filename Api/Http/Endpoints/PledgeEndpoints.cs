using System.Globalization;
using FundManager.Common;
using FundManager.Entities;
using FundManager.Funds;
using FundManager.Pledges;

namespace FundManager.Api.Http.Endpoints;

public static class PledgeEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var pledges = api.MapGroup("/pledges").WithTags("Pledges and receipts");
        pledges.MapGet("/", (int? limit, string? cursor, string? fund, Guid? donor, PledgeStatus? status, EarmarkKind? earmark, int? year,
            HttpContext http, FundSystem system, CancellationToken ct) =>
            Paging.PageAsync<Pledge, PledgeEvent, PledgeView>(
                system,
                Paging.Query(EntityKind.Pledge, limit, cursor) with
                {
                    Fund = fund is null ? null : FundCode.Parse(fund, "fund"),
                    Donor = VisibleDonor(http, donor),
                    Status = status?.ToString(),
                    Category = earmark?.ToString(),
                    Year = year,
                },
                p => p.Id.ToString(), PledgeView.Of, ct))
        .RequireAuthorization()
        .Refuses(BusinessRule.InvalidFundCode);

        pledges.MapGet("/{id:guid}", async (Guid id, HttpContext http, FundSystem system, CancellationToken ct) =>
            Responses.Found(http, await VisiblePledgeAsync(id, http, system, ct), PledgeView.Of))
            .RequireAuthorization();

        pledges.MapGet("/{id:guid}/receipts", async (Guid id, int? limit, string? cursor, HttpContext http, FundSystem system, CancellationToken ct) =>
        {
            await VisiblePledgeAsync(id, http, system, ct);
            return await ReceiptsAsync(system, new ReceiptQuery(Paging.Limit(limit) + 1) { Pledge = id, After = Paging.Position(cursor) }, ct);
        })
        .RequireAuthorization();

        pledges.MapGet("/{id:guid}/history", async (Guid id, string? cursor, int? limit, HttpContext http, FundSystem system, CancellationToken ct) =>
        {
            await VisiblePledgeAsync(id, http, system, ct);
            return await Responses.HistoryAsync(system, StreamId.For(new PledgeId(id)), cursor, limit, ct);
        })
        .RequireAuthorization();

        api.MapGet("/receipts", (int? limit, string? cursor, string? fund, Guid? donor, Guid? pledge, int? year, ReceiptChannel? channel,
            HttpContext http, FundSystem system, CancellationToken ct) =>
            ReceiptsAsync(
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
                ct))
            .WithTags("Pledges and receipts")
            .RequireAuthorization()
            .Refuses(BusinessRule.InvalidFundCode);

        // Donors may announce pledges for themselves; the secretariat records everything else.
        pledges.MapPost("/", async (AnnouncePledge body, HttpContext http, FundSystem system, CancellationToken ct) =>
        {
            if (!http.User.IsInRole(Identity.Role.Officer) && http.OwnDonor() != body.Donor)
            {
                throw Responses.NotFound("donor");
            }

            return Responses.Created(http, await system.Pledges.HandleAsync(body, http.Command(creates: true), ct));
        })
        .RequireAuthorization(Policies.OfficerOrDonor)
        .Sends<AnnouncePledge>();

        pledges.MapPost("/{id:guid}/sign", (Guid id, SignPledgeRequest body, HttpContext http, FundSystem system, CancellationToken ct) =>
            Run(http, system.Pledges.HandleAsync(new SignPledge(id, body.SignedOn, body.AgreementReference), http.Command(), ct)))
            .RequireAuthorization(Policies.Officer)
            .Sends<SignPledge>();
        pledges.MapPost("/{id:guid}/amend", (Guid id, AmendPledgeRequest body, HttpContext http, FundSystem system, CancellationToken ct) =>
            Run(http, system.Pledges.HandleAsync(new AmendPledge(id, body.Instalments, body.Reason, body.EffectiveOn), http.Command(), ct)))
            .RequireAuthorization(Policies.Officer)
            .Sends<AmendPledge>();
        pledges.MapPost("/{id:guid}/cancel", (Guid id, ReasonRequest body, HttpContext http, FundSystem system, CancellationToken ct) =>
            Run(http, system.Pledges.HandleAsync(new CancelPledge(id, body.On, body.Reason), http.Command(), ct)))
            .RequireAuthorization(Policies.Officer)
            .Sends<CancelPledge>();
        pledges.MapPost("/{id:guid}/write-off", (Guid id, ReasonRequest body, HttpContext http, FundSystem system, CancellationToken ct) =>
            Run(http, system.Pledges.HandleAsync(new WriteOffPledge(id, body.On, body.Reason), http.Command(), ct)))
            .RequireAuthorization(Policies.Officer)
            .Sends<WriteOffPledge>();
        pledges.MapPost("/{id:guid}/receipts", async (Guid id, ReceiptRequest body, HttpContext http, FundSystem system, CancellationToken ct) =>
            Responses.Created(http, await system.Pledges.HandleAsync(
                new RecordReceipt(id, body.Reference, body.Channel, body.ReceivedOn, body.Amount, body.Currency, body.Allocations, body.Id), http.Command(creates: true), ct)))
            .RequireAuthorization(Policies.Officer)
            .Sends<RecordReceipt>();

        api.MapPost("/receipts/unpledged", async (RecordUnpledgedReceipt body, HttpContext http, FundSystem system, CancellationToken ct) =>
            Responses.Created(http, await system.Pledges.HandleAsync(body, http.Command(creates: true), ct)))
            .WithTags("Pledges and receipts")
            .RequireAuthorization(Policies.Officer)
            .Sends<RecordUnpledgedReceipt>();
    }

    private static async Task<IResult> Run(HttpContext http, Task<Persistence.CommandResult> command) => Responses.Done(http, await command);

    private static async Task<Page<ReceiptView>> ReceiptsAsync(FundSystem system, ReceiptQuery query, CancellationToken ct) =>
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
