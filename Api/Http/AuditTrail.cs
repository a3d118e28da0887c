using System.Security.Claims;
using FundManager.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace FundManager.Api.Http;

/// <summary>
/// Writes one audit record for every state-changing request, whatever its outcome: user, time, client address,
/// endpoint, entity, status and idempotency key. Auditors read them at <c>/api/v1/audit</c>.
/// </summary>
public sealed class AuditTrail(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<AuditTrail> log)
{
    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method))
        {
            await next(http);
            return;
        }

        try
        {
            await next(http);
        }
        catch (Exception e)
        {
            // The exception handler, further out, has not written the response yet: record the status it will.
            await RecordAsync(http, e switch
            {
                Common.RuleViolation violation => Problems.StatusOf(violation.Rule),
                BadHttpRequestException bad => bad.StatusCode,
                _ => StatusCodes.Status500InternalServerError,
            });
            throw;
        }

        await RecordAsync(http, http.Response.StatusCode);
    }

    private async Task RecordAsync(HttpContext http, int status)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
            await using var cmd = new NpgsqlCommand("""
                insert into audit_log (at, actor, client_address, method, path, entity, status, outcome, idempotency_key)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                """, connection);
            var entity = http.Request.RouteValues.TryGetValue("id", out var id) ? id?.ToString()
                : http.Request.RouteValues.TryGetValue("code", out var code) ? code?.ToString() : null;
            cmd.Parameters.Add(new() { Value = clock.GetUtcNow() });
            cmd.Parameters.Add(new() { Value = (object?)http.User.FindFirstValue(ClaimTypes.Name) ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            cmd.Parameters.Add(new() { Value = (object?)http.Connection.RemoteIpAddress?.ToString() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            cmd.Parameters.Add(new() { Value = http.Request.Method });
            cmd.Parameters.Add(new() { Value = Truncate(http.Request.Path.Value ?? "", 500) });
            cmd.Parameters.Add(new() { Value = (object?)entity ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            cmd.Parameters.Add(new() { Value = status });
            cmd.Parameters.Add(new() { Value = status < 400 ? "succeeded" : status < 500 ? "refused" : "failed" });
            cmd.Parameters.Add(new() { Value = (object?)Truncate(http.Request.Headers["Idempotency-Key"].ToString(), 200).NullIfEmpty() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            await cmd.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException e)
        {
            log.LogError(e, "Could not write the audit record of {Method} {Path}", http.Request.Method, http.Request.Path);
        }
    }

    /// <summary>The audit records a query asks for, oldest first.</summary>
    public async Task<IReadOnlyList<AuditRecord>> FindAsync(AuditQuery query, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand { Connection = connection };
        var filter = new SqlFilter(cmd)
            .Where("id > {value}", query.After ?? 0L, NpgsqlDbType.Bigint)
            .Where("actor = {value}", query.Actor, NpgsqlDbType.Text)
            .Where("entity = {value}", query.Entity, NpgsqlDbType.Text)
            .Where("outcome = {value}", query.Outcome, NpgsqlDbType.Text)
            .Where("at >= {value}", query.From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), NpgsqlDbType.TimestampTz)
            .Where("at < {value}", query.To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), NpgsqlDbType.TimestampTz);
        cmd.CommandText = $"""
            select id, at, actor, client_address, method, path, entity, status, outcome, idempotency_key
            from audit_log where {filter} order by id limit {filter.Parameter(query.Limit)}
            """;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var records = new List<AuditRecord>();
        while (await reader.ReadAsync(ct))
        {
            records.Add(new AuditRecord(
                reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), Nullable(reader, 2), Nullable(reader, 3), reader.GetString(4), reader.GetString(5),
                Nullable(reader, 6), reader.GetInt32(7), reader.GetString(8), Nullable(reader, 9)));
        }

        return records;
    }

    private static string? Nullable(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}

internal static class StringExtensions
{
    public static string? NullIfEmpty(this string value) => value.Length == 0 ? null : value;
}
