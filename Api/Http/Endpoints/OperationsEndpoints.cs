using FundManager.Persistence;
using Npgsql;

namespace FundManager.Api.Http.Endpoints;

/// <summary>Health and the audit trail.</summary>
public static class OperationsEndpoints
{
    public static void Map(IEndpointRouteBuilder app, IEndpointRouteBuilder api)
    {
        app.MapGet("/health/live", () => Results.Ok(new { Status = "live" })).AllowAnonymous().WithTags("Health");
        app.MapGet("/health/ready", async (FundSystem system, ServerReadiness readiness, CancellationToken ct) =>
        {
            if (readiness.HeldFor is { } reason)
            {
                return Results.Json(new { Status = reason }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            try
            {
                return await Migrator.IsUpToDateAsync(system.DataSource, Database.DatabaseSchema.Migrations, ct)
                    ? Results.Ok(new { Status = "ready" })
                    : Results.Json(new { Status = "migrations missing" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            catch (NpgsqlException)
            {
                return Results.Json(new { Status = "database unreachable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        })
        .AllowAnonymous()
        .WithTags("Health");

        api.MapGet("/audit", async (string? cursor, int? limit, string? actor, string? entity, string? outcome, DateOnly? from, DateOnly? to,
            AuditTrail audit, CancellationToken ct) =>
        {
            var size = Paging.Limit(limit);
            var query = new AuditQuery(size + 1)
            {
                Actor = actor?.Trim().ToLowerInvariant(), Entity = entity, Outcome = outcome, From = from, To = to, After = Paging.Position(cursor),
            };
            return Paging.Of(await audit.FindAsync(query, ct), size, r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r => r);
        })
        .WithTags("Audit")
        .RequireAuthorization(Policies.Audit);
    }
}

