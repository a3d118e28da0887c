using FundManager.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace FundManager.Api.Http.Endpoints;

/// <summary>Health and the audit trail.</summary>
public static class OperationsEndpoints
{
    public static void Map(IEndpointRouteBuilder app, IEndpointRouteBuilder api)
    {
        app.MapGet("/health/live", Live).AllowAnonymous().WithTags("Health");
        app.MapGet("/health/ready", ReadyAsync).AllowAnonymous().WithTags("Health");
        api.MapGet("/audit", AuditAsync).WithTags("Audit").RequireAuthorization(Policies.Audit);
    }

    public static Ok<Health> Live() => TypedResults.Ok(new Health("live"));

    /// <summary>Ready when the server is not held (starting, draining), the database answers and its migrations are all applied.</summary>
    public static async Task<Results<Ok<Health>, JsonHttpResult<Health>>> ReadyAsync(FundSystem system, ServerReadiness readiness, CancellationToken ct)
    {
        if (readiness.HeldFor is { } reason)
        {
            return NotReady(reason);
        }

        try
        {
            return await Migrator.IsUpToDateAsync(system.DataSource, Database.DatabaseSchema.Migrations, ct)
                ? TypedResults.Ok(new Health("ready"))
                : NotReady("migrations missing");
        }
        catch (NpgsqlException)
        {
            return NotReady("database unreachable");
        }
    }

    public static async Task<Ok<Page<AuditRecord>>> AuditAsync(
        string? cursor, int? limit, string? actor, string? entity, string? outcome, DateOnly? from, DateOnly? to, AuditTrail audit, CancellationToken ct)
    {
        var size = Paging.Limit(limit);
        var query = new AuditQuery(size + 1)
        {
            Actor = actor?.Trim().ToLowerInvariant(), Entity = entity, Outcome = outcome, From = from, To = to, After = Paging.Position(cursor),
        };
        return TypedResults.Ok(Paging.Of(await audit.FindAsync(query, ct), size, r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r => r));
    }

    private static JsonHttpResult<Health> NotReady(string status) => TypedResults.Json(new Health(status), statusCode: StatusCodes.Status503ServiceUnavailable);

    /// <summary>What a health check answers: <c>live</c>, <c>ready</c>, or why the server is not ready.</summary>
    public sealed record Health(string Status);
}
