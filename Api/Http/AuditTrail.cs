using System.Security.Claims;
using FundManager.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace FundManager.Api.Http;

/// <summary>
/// One audit record for every state-changing request, whatever its outcome: user, time, client address, endpoint,
/// entity, status and idempotency key. A command that succeeds writes its record in its own transaction (see
/// <see cref="RequestContext.Command"/>); every other request (a refusal, a replay, a login) gets its record here, a
/// refusal's before its response is sent, so that a record that cannot be written fails the request rather than being
/// lost. Auditors read them at <c>/api/v1/audit</c>.
/// </summary>
public sealed class AuditTrail(NpgsqlDataSource dataSource)
{
    private const string WrittenKey = "fundmanager.audit.written";
    private const string PortalCircuit = "/_blazor";

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        // The pages' live connection (/_blazor) changes nothing by itself: what its components do is audited where they do it.
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method)
            || http.Request.Path.StartsWithSegments(PortalCircuit))
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
            await AuditLog.WriteAsync(dataSource, EntryFor(http, e switch
            {
                Common.RuleViolation violation => Problems.StatusOf(violation.Rule),
                BadHttpRequestException bad => bad.StatusCode,
                _ => StatusCodes.Status500InternalServerError,
            }), CancellationToken.None);
            throw;
        }

        if (!http.Items.ContainsKey(WrittenKey))
        {
            await AuditLog.WriteAsync(dataSource, EntryFor(http, http.Response.StatusCode), CancellationToken.None);
        }
    }

    /// <summary>Says the request's record was written with what it changed (a command's own transaction).</summary>
    public static void Written(HttpContext http) => http.Items[WrittenKey] = true;

    /// <summary>The audit record of <paramref name="http"/> answered with <paramref name="status"/>.</summary>
    public static AuditEntry EntryFor(HttpContext http, int status)
    {
        var entity = http.Request.RouteValues.TryGetValue("id", out var id) ? id?.ToString()
            : http.Request.RouteValues.TryGetValue("code", out var code) ? code?.ToString() : null;
        return new AuditEntry(
            http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
            http.User.FindFirstValue(ClaimTypes.Name),
            http.Connection.RemoteIpAddress?.ToString(),
            http.Request.Method,
            Printable(http.Request.Path.Value ?? "", 500),
            entity is null ? null : Printable(entity, 200),
            status,
            Printable(http.Request.Headers["Idempotency-Key"].ToString(), 200).NullIfEmpty());
    }

    // What a caller sent may hold anything: the record keeps it bounded and storable as UTF-8 text (no NUL, no half
    // of a surrogate pair), the rest replaced by U+FFFD.
    private static string Printable(string value, int length)
    {
        var kept = value.Length <= length ? value : value[..length];
        var text = new System.Text.StringBuilder(kept.Length);
        for (var i = 0; i < kept.Length; i++)
        {
            var c = kept[i];
            if (char.IsHighSurrogate(c) && i + 1 < kept.Length && char.IsLowSurrogate(kept[i + 1]))
            {
                text.Append(c).Append(kept[++i]);
            }
            else
            {
                text.Append(c == '\0' || char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return text.ToString();
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

}

internal static class StringExtensions
{
    public static string? NullIfEmpty(this string value) => value.Length == 0 ? null : value;
}
