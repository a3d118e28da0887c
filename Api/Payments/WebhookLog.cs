using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace FundManager.Api.Payments;

/// <summary>
/// The webhook's records in the database: every delivery with its outcome and reason (the audit of online giving,
/// append-only), the signatures accepted (a signed request sent again is a replay), and the events processed (a
/// redelivery changes nothing).
/// </summary>
public sealed class WebhookLog(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task RecordAsync(string? eventId, string? eventType, int status, string outcome, string? reason)
    {
        await using var cmd = dataSource.CreateCommand(
            "insert into webhook_deliveries (received_at, source, event_id, event_type, status, outcome, reason) values ($1, 'stripe', $2, $3, $4, $5, $6)");
        cmd.Parameters.Add(new() { Value = clock.GetUtcNow() });
        cmd.Parameters.Add(new() { Value = (object?)Bounded(eventId) ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = (object?)Bounded(eventType) ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = status });
        cmd.Parameters.Add(new() { Value = outcome });
        cmd.Parameters.Add(new() { Value = (object?)Bounded(reason) ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await cmd.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>
    /// Admits a verified delivery in one round trip: whether its signature header is new (false: a replay of the same
    /// signed request) and whether its event was processed before (a redelivery).
    /// </summary>
    public async Task<(bool FreshSignature, bool ProcessedBefore)> AdmitAsync(string header, string eventId, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            with accepted as (insert into stripe_signatures (signature, received_at) values ($1, $2) on conflict do nothing returning 1)
            select exists (select 1 from accepted), exists (select 1 from stripe_events where event_id = $3)
            """);
        cmd.Parameters.Add(new() { Value = SHA256.HashData(Encoding.UTF8.GetBytes(header)) });
        cmd.Parameters.Add(new() { Value = clock.GetUtcNow() });
        cmd.Parameters.Add(new() { Value = eventId });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetBoolean(0), reader.GetBoolean(1));
    }

    /// <summary>Marks an event processed and records its delivery, in one statement.</summary>
    public async Task ProcessedAsync(string eventId, string type, string outcome, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            with processed as (insert into stripe_events (event_id, type, processed_at) values ($1, $2, $3) on conflict do nothing)
            insert into webhook_deliveries (received_at, source, event_id, event_type, status, outcome, reason) values ($3, 'stripe', $1, $2, 200, 'processed', $4)
            """);
        cmd.Parameters.Add(new() { Value = eventId });
        cmd.Parameters.Add(new() { Value = type });
        cmd.Parameters.Add(new() { Value = clock.GetUtcNow() });
        cmd.Parameters.Add(new() { Value = Bounded(outcome)! });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The last deliveries, newest first (for the secretariat and the tests).</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> RecentAsync(int limit, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("select position, received_at, event_id, event_type, status, outcome, reason from webhook_deliveries order by position desc limit $1");
        cmd.Parameters.Add(new() { Value = limit });
        var found = new List<WebhookDelivery>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found.Add(new WebhookDelivery(
                reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetInt32(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return found;
    }

    // What a caller sent is kept bounded and storable as UTF-8 text.
    private static string? Bounded(string? text) =>
        text is null ? null : new string([.. text.Take(500).Select(c => c == '\0' || char.IsSurrogate(c) ? '\uFFFD' : c)]);
}
