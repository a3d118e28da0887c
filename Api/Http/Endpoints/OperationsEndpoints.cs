using FundManager.Persistence;
using Npgsql;

namespace FundManager.Api.Http.Endpoints;

/// <summary>Health and the audit trail.</summary>
public static class OperationsEndpoints
{
    public static void Map(IEndpointRouteBuilder app, IEndpointRouteBuilder api)
    {
        app.MapGet("/health/live", () => Results.Ok(new { Status = "live" })).AllowAnonymous().WithTags("Health");
        app.MapGet("/health/ready", async (FundSystem system, CancellationToken ct) =>
        {
            try
            {
                return await Migrator.IsUpToDateAsync(system.DataSource, ct)
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

        api.MapGet("/audit", async (long? after, int? limit, FundSystem system, CancellationToken ct) =>
        {
            var size = limit ?? Paging.DefaultLimit;
            if (size is < 1 or > Paging.MaxLimit)
            {
                throw Common.RuleViolation.Of(Common.BusinessRule.InvalidInput, $"limit is 1 to {Paging.MaxLimit}.", "limit");
            }

            await using var connection = await system.DataSource.OpenConnectionAsync(ct);
            await using var cmd = new NpgsqlCommand("""
                select id, at, actor, client_address, method, path, entity, status, outcome, idempotency_key
                from audit_log where id > $1 order by id limit $2
                """, connection);
            cmd.Parameters.Add(new() { Value = after ?? 0L });
            cmd.Parameters.Add(new() { Value = size + 1 });
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            var items = new List<AuditRecord>();
            while (await reader.ReadAsync(ct))
            {
                items.Add(new AuditRecord(
                    reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetString(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetInt32(7), reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9)));
            }

            var page = items.Take(size).ToList();
            return new Page<AuditRecord>(page, items.Count > size ? page[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        })
        .WithTags("Audit")
        .RequireAuthorization(Policies.Audit);
    }
}

public sealed record AuditRecord(long Id, DateTimeOffset At, string? Actor, string? ClientAddress, string Method, string Path, string? Entity, int Status, string Outcome, string? IdempotencyKey);
