using FundManager.Common;
using FundManager.Donors;
using FundManager.Entities;

namespace FundManager.Api.Http.Endpoints;

public static class DonorEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var donors = api.MapGroup("/donors").WithTags("Donors");
        donors.MapGet("/", (int? limit, string? cursor, DonorType? type, string? country, FundSystem system, CancellationToken ct) =>
            Paging.PageAsync<Donor, DonorEvent, DonorView>(
                system,
                Paging.Query(EntityKind.Donor, limit, cursor) with { Category = type?.ToString(), Country = country?.ToUpperInvariant() },
                d => d.Id.ToString(), DonorView.Of, ct))
            .RequireAuthorization(Policies.Staff);

        // A donor user sees only their own donor; any other id is 404, exactly as if it did not exist.
        donors.MapGet("/{id:guid}", async (Guid id, HttpContext http, FundSystem system, CancellationToken ct) =>
        {
            if (!http.SeesAllDonors() && http.OwnDonor() != id)
            {
                throw Responses.NotFound();
            }

            return Responses.Found(http, await system.Entities.LoadAsync<Donor, DonorEvent>(StreamId.For(new DonorId(id)), ct), DonorView.Of);
        })
        .RequireAuthorization();
        donors.MapGet("/{id:guid}/history", (Guid id, string? cursor, int? limit, HttpContext http, FundSystem system, CancellationToken ct) =>
            http.SeesAllDonors() || http.OwnDonor() == id
                ? Responses.HistoryAsync(system, StreamId.For(new DonorId(id)), cursor, limit, ct)
                : throw Responses.NotFound())
            .RequireAuthorization();
        donors.MapPost("/", async (RegisterDonor body, HttpContext http, FundSystem system, CancellationToken ct) =>
            Responses.Created(http, await system.Donors.HandleAsync(body, http.Command(), ct)))
            .RequireAuthorization(Policies.Officer)
            .Refuses(BusinessRule.EntityAlreadyExists, BusinessRule.MemberStateNeedsCountry, BusinessRule.UnknownCountry);
        donors.MapPost("/{id:guid}/rename", async (Guid id, RenameRequest body, HttpContext http, FundSystem system, CancellationToken ct) =>
            Responses.Done(http, await system.Donors.HandleAsync(new RenameDonor(id, body.Name), http.Command(), ct)))
            .RequireAuthorization(Policies.Officer)
            .Refuses(BusinessRule.AmendmentChangesNothing);
    }
}
