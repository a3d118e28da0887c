using FundManager.Common;
using FundManager.Donors;
using FundManager.Entities;
using FundManager.Reporting.Figures;
using FundManager.Reporting.Utilisation;

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
        // A donor reads its own utilisation; the secretariat, the Board and auditors anyone's. Without a year: since the funds began.
        donors.MapGet("/{id:guid}/utilisation", async (Guid id, int? year, HttpContext http, FundSystem system, CancellationToken ct) =>
            await StatementAsync(id, year, http, system, ct))
            .RequireAuthorization();
        donors.MapGet("/{id:guid}/utilisation.xlsx", async (Guid id, int? year, HttpContext http, FundSystem system, CancellationToken ct) =>
        {
            var statement = await StatementAsync(id, year, http, system, ct);
            var buffer = new MemoryStream();
            DonorStatementWorkbook.Write(statement, buffer);
            buffer.Position = 0;
            return Results.File(buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", DonorStatementWorkbook.FileName(statement, "xlsx"));
        })
        .RequireAuthorization();
        donors.MapGet("/{id:guid}/utilisation.html", async (Guid id, int? year, HttpContext http, FundSystem system, Templates.TemplateStore templates, CancellationToken ct) =>
            Results.Content(DonorStatementPage.Render(await templates.LibraryAsync(ct), await StatementAsync(id, year, http, system, ct)), "text/html; charset=utf-8"))
            .RequireAuthorization();
        donors.MapPost("/", async (RegisterDonor body, HttpContext http, FundSystem system, CancellationToken ct) =>
            Responses.Created(http, await system.Donors.HandleAsync(body, http.Command(creates: true), ct)))
            .RequireAuthorization(Policies.Officer)
            .Sends<RegisterDonor>();
        donors.MapPost("/{id:guid}/rename", async (Guid id, RenameRequest body, HttpContext http, FundSystem system, CancellationToken ct) =>
            Responses.Done(http, await system.Donors.HandleAsync(new RenameDonor(id, body.Name), http.Command(), ct)))
            .RequireAuthorization(Policies.Officer)
            .Sends<RenameDonor>();
        donors.MapPost("/{id:guid}/bank-accounts", async (Guid id, BankAccountRequest body, HttpContext http, FundSystem system, CancellationToken ct) =>
            Responses.Done(http, await system.Donors.HandleAsync(new RegisterBankAccount(id, body.Iban), http.Command(), ct)))
            .WithDescription("Registers an account the donor pays from (an IBAN; spaces allowed, check digits must hold), so that bank-statement credits from it are recognised.")
            .RequireAuthorization(Policies.Officer)
            .Sends<RegisterBankAccount>();
    }

    private static Task<DonorStatement> StatementAsync(Guid id, int? year, HttpContext http, FundSystem system, CancellationToken ct) =>
        http.SeesAllDonors() || http.OwnDonor() == id
            ? new DonorStatementBuilder(system).BuildAsync(id, year is { } y ? ReportPeriod.Year(y) : ReportPeriod.Cumulative(DateOnly.FromDateTime(system.Clock.GetUtcNow().UtcDateTime)), ct)
            : throw Responses.NotFound();
}
