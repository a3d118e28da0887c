using FundManager.Common;
using FundManager.Donors;
using FundManager.Entities;
using FundManager.Reporting.Figures;
using FundManager.Reporting.Utilisation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FundManager.Api.Http.Endpoints;

/// <summary>
/// Donors, and each donor's statement of how its money was used. A donor user sees only its own donor: any other id is
/// 404, exactly as if it did not exist. The secretariat, the Board and auditors read anyone's.
/// </summary>
public static class DonorEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var donors = api.MapGroup("/donors").WithTags("Donors");
        donors.MapGet("/", ListAsync).RequireAuthorization(Policies.Staff);
        donors.MapGet("/{id:guid}", GetAsync).RequireAuthorization();
        donors.MapGet("/{id:guid}/history", HistoryAsync).RequireAuthorization();
        donors.MapGet("/{id:guid}/utilisation", UtilisationAsync)
            .WithDescription("The donor's statement of utilisation for a year, or without a year since the funds began.")
            .RequireAuthorization();
        donors.MapGet("/{id:guid}/utilisation.xlsx", UtilisationWorkbookAsync)
            .Produces(StatusCodes.Status200OK, contentType: ReportFiles.Xlsx)
            .RequireAuthorization();
        donors.MapGet("/{id:guid}/utilisation.html", UtilisationPageAsync)
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .RequireAuthorization();
        donors.MapPost("/", RegisterAsync).RequireAuthorization(Policies.Officer).Sends<RegisterDonor>();
        donors.MapPost("/{id:guid}/rename", RenameAsync).RequireAuthorization(Policies.Officer).Sends<RenameDonor>();
        donors.MapPost("/{id:guid}/bank-accounts", RegisterBankAccountAsync)
            .WithDescription("Registers an account the donor pays from (an IBAN; spaces allowed, check digits must hold), so that bank-statement credits from it are recognised.")
            .RequireAuthorization(Policies.Officer)
            .Sends<RegisterBankAccount>();
    }

    public static async Task<Ok<Page<DonorView>>> ListAsync(int? limit, string? cursor, DonorType? type, string? country, FundSystem system, CancellationToken ct) =>
        TypedResults.Ok(await Paging.PageAsync<Donor, DonorEvent, DonorView>(
            system,
            Paging.Query(EntityKind.Donor, limit, cursor) with { Category = type?.ToString(), Country = country?.ToUpperInvariant() },
            d => d.Id.ToString(), DonorView.Of, ct));

    public static async Task<Ok<DonorView>> GetAsync(Guid id, HttpContext http, FundSystem system, CancellationToken ct)
    {
        RequireVisible(id, http);
        return Responses.Found(http, await system.Entities.LoadAsync<Donor, DonorEvent>(StreamId.For(new DonorId(id)), ct), DonorView.Of);
    }

    public static async Task<Ok<Page<HistoryView>>> HistoryAsync(Guid id, string? cursor, int? limit, HttpContext http, FundSystem system, CancellationToken ct)
    {
        RequireVisible(id, http);
        return TypedResults.Ok(await Responses.HistoryAsync(system, StreamId.For(new DonorId(id)), cursor, limit, ct));
    }

    public static async Task<Ok<DonorStatement>> UtilisationAsync(Guid id, int? year, HttpContext http, FundSystem system, CancellationToken ct) =>
        TypedResults.Ok(await StatementAsync(id, year, http, system, ct));

    public static async Task<FileStreamHttpResult> UtilisationWorkbookAsync(Guid id, int? year, HttpContext http, FundSystem system, CancellationToken ct)
    {
        var statement = await StatementAsync(id, year, http, system, ct);
        var buffer = new MemoryStream();
        DonorStatementWorkbook.Write(statement, buffer);
        buffer.Position = 0;
        return TypedResults.File(buffer, ReportFiles.Xlsx, DonorStatementWorkbook.FileName(statement, "xlsx"));
    }

    public static async Task<ContentHttpResult> UtilisationPageAsync(Guid id, int? year, HttpContext http, FundSystem system, Templates.TemplateStore templates, CancellationToken ct) =>
        TypedResults.Content(DonorStatementPage.Render(await templates.LibraryAsync(ct), await StatementAsync(id, year, http, system, ct)), "text/html; charset=utf-8");

    public static async Task<Created<CommandResponse>> RegisterAsync(RegisterDonor body, HttpContext http, FundSystem system, CancellationToken ct) =>
        Responses.Created(http, await system.Donors.HandleAsync(body, http.Command(creates: true), ct));

    public static async Task<Ok<CommandResponse>> RenameAsync(Guid id, RenameRequest body, HttpContext http, FundSystem system, CancellationToken ct) =>
        Responses.Done(http, await system.Donors.HandleAsync(new RenameDonor(id, body.Name), http.Command(), ct));

    public static async Task<Ok<CommandResponse>> RegisterBankAccountAsync(Guid id, BankAccountRequest body, HttpContext http, FundSystem system, CancellationToken ct) =>
        Responses.Done(http, await system.Donors.HandleAsync(new RegisterBankAccount(id, body.Iban), http.Command(), ct));

    private static void RequireVisible(Guid id, HttpContext http)
    {
        if (!http.SeesAllDonors() && http.OwnDonor() != id)
        {
            throw Responses.NotFound();
        }
    }

    private static Task<DonorStatement> StatementAsync(Guid id, int? year, HttpContext http, FundSystem system, CancellationToken ct)
    {
        RequireVisible(id, http);
        return new DonorStatementBuilder(system).BuildAsync(id, year is { } y ? ReportPeriod.Year(y) : ReportPeriod.Cumulative(DateOnly.FromDateTime(system.Clock.GetUtcNow().UtcDateTime)), ct);
    }
}
