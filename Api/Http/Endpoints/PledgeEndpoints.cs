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
        pledges.MapGet("/", async (int? limit, string? cursor, string? fund, Guid? donor, PledgeStatus? status, int? year, HttpContext http, FundSystem system, CancellationToken ct) =>
        {
            // A donor user's list is their own, whatever filter they send.
            var own = http.SeesAllDonors() ? donor : http.OwnDonor() ?? throw Responses.NotFound();
            var fundCode = fund is null ? (FundCode?)null : FundCode.Parse(fund);
            var all = own is { } donorId
                ? await system.Entities.PledgesOfDonorAsync(new DonorId(donorId), ct)
                : await system.Entities.AllAsync<Pledge, PledgeEvent>(EntityKind.Pledge, fundCode, ct);
            return Paging.Page(
                all.Where(p => fundCode is null || p.Fund == fundCode)
                    .Where(p => status is null || p.Status == status)
                    .Where(p => year is null || p.Instalments.Any(i => i.DueOn.Year == year)),
                p => p.Id.ToString(), PledgeView.Of, limit, cursor);
        })
        .RequireAuthorization();

        pledges.MapGet("/{id:guid}", async (Guid id, HttpContext http, FundSystem system, CancellationToken ct) =>
            Responses.Found(http, await VisiblePledgeAsync(id, http, system, ct), PledgeView.Of))
            .RequireAuthorization();

        pledges.MapGet("/{id:guid}/receipts", async (Guid id, HttpContext http, FundSystem system, CancellationToken ct) =>
        {
            await VisiblePledgeAsync(id, http, system, ct);
            return (await system.Entities.HistoryAsync(StreamId.For(new PledgeId(id)), ct))
                .Where(e => e.Event is ReceiptRecorded)
                .Select(e => (Stored: e, Receipt: (ReceiptRecorded)e.Event))
                .Select(x => new ReceiptView(
                    x.Receipt.Id.Value, id, x.Receipt.Reference, x.Receipt.Channel, x.Receipt.ReceivedOn, AmountView.Of(x.Receipt.Amount), x.Receipt.UnitsPerUsd,
                    AmountView.Of(x.Receipt.Usd), AmountView.Of(x.Receipt.ExchangeDifference), x.Stored.Actor, x.Stored.RecordedAt))
                .ToList();
        })
        .RequireAuthorization();

        // Donors may announce pledges for themselves; the secretariat records everything else.
        pledges.MapPost("/", async (AnnouncePledge body, HttpContext http, FundSystem system, CancellationToken ct) =>
        {
            if (!http.User.IsInRole(Identity.Role.Officer) && http.OwnDonor() != body.Donor)
            {
                throw Responses.NotFound();
            }

            return Responses.Created(http, await system.Pledges.HandleAsync(body, http.Command(), ct));
        })
        .RequireAuthorization(Policies.OfficerOrDonor);

        pledges.MapPost("/{id:guid}/sign", (Guid id, SignPledgeRequest body, HttpContext http, FundSystem system, CancellationToken ct) =>
            Run(http, system.Pledges.HandleAsync(new SignPledge(id, body.SignedOn, body.AgreementReference), http.Command(), ct)))
            .RequireAuthorization(Policies.Officer);
        pledges.MapPost("/{id:guid}/amend", (Guid id, AmendPledgeRequest body, HttpContext http, FundSystem system, CancellationToken ct) =>
            Run(http, system.Pledges.HandleAsync(new AmendPledge(id, body.Instalments, body.Reason, body.EffectiveOn), http.Command(), ct)))
            .RequireAuthorization(Policies.Officer);
        pledges.MapPost("/{id:guid}/cancel", (Guid id, ReasonRequest body, HttpContext http, FundSystem system, CancellationToken ct) =>
            Run(http, system.Pledges.HandleAsync(new CancelPledge(id, body.On, body.Reason), http.Command(), ct)))
            .RequireAuthorization(Policies.Officer);
        pledges.MapPost("/{id:guid}/write-off", (Guid id, ReasonRequest body, HttpContext http, FundSystem system, CancellationToken ct) =>
            Run(http, system.Pledges.HandleAsync(new WriteOffPledge(id, body.On, body.Reason), http.Command(), ct)))
            .RequireAuthorization(Policies.Officer);
        pledges.MapPost("/{id:guid}/receipts", async (Guid id, ReceiptRequest body, HttpContext http, FundSystem system, CancellationToken ct) =>
            Responses.Created(http, await system.Pledges.HandleAsync(
                new RecordReceipt(id, body.Reference, body.Channel, body.ReceivedOn, body.Amount, body.Currency, body.Allocations, body.Id), http.Command(), ct)))
            .RequireAuthorization(Policies.Officer);

        api.MapPost("/receipts/unpledged", async (RecordUnpledgedReceipt body, HttpContext http, FundSystem system, CancellationToken ct) =>
            Responses.Created(http, await system.Pledges.HandleAsync(body, http.Command(), ct)))
            .WithTags("Pledges and receipts")
            .RequireAuthorization(Policies.Officer);
    }

    private static async Task<IResult> Run(HttpContext http, Task<Persistence.CommandResult> command) => Responses.Done(http, await command);

    private static async Task<Pledge> VisiblePledgeAsync(Guid id, HttpContext http, FundSystem system, CancellationToken ct)
    {
        var pledge = await system.Entities.LoadAsync<Pledge, PledgeEvent>(StreamId.For(new PledgeId(id)), ct);
        return pledge.Exists && (http.SeesAllDonors() || http.OwnDonor() == pledge.Donor.Value) ? pledge : throw Responses.NotFound();
    }
}
