using Npgsql;
using NpgsqlTypes;

namespace FundManager.Persistence;

/// <summary>
/// Writes audit records (<c>audit_log</c>, append-only): in a command's own transaction when the command succeeds, or on
/// their own for a request that changed nothing (a refusal, a failed login).
/// </summary>
public static class AuditLog
{
    private const string InsertSql = """
        insert into audit_log (at, actor, client_address, method, path, entity, status, outcome, idempotency_key, command_id)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
        """;

    /// <summary>Writes a record on its own; failures are the caller's to report, never to swallow.</summary>
    public static async Task WriteAsync(NpgsqlDataSource dataSource, AuditEntry entry, CancellationToken ct)
    {
        await using var batch = dataSource.CreateBatch();
        Add(batch, entry, null);
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Writes a record in the transaction of what it records (a command, an import).</summary>
    public static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, AuditEntry entry, CommandId? command, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, tx);
        Add(batch, entry, command);
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Adds the record to a batch (a command's transaction), linked to the command that it records.</summary>
    internal static void Add(NpgsqlBatch batch, AuditEntry entry, CommandId? command)
    {
        var insert = new NpgsqlBatchCommand(InsertSql);
        insert.Parameters.Add(new() { Value = entry.At });
        insert.Parameters.Add(Text(entry.Actor));
        insert.Parameters.Add(Text(entry.ClientAddress));
        insert.Parameters.Add(new() { Value = entry.Method });
        insert.Parameters.Add(new() { Value = entry.Path });
        insert.Parameters.Add(Text(entry.Entity));
        insert.Parameters.Add(new() { Value = entry.Status });
        insert.Parameters.Add(new() { Value = entry.Outcome });
        insert.Parameters.Add(Text(entry.IdempotencyKey));
        insert.Parameters.Add(new() { Value = (object?)command?.Value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        batch.BatchCommands.Add(insert);
    }

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };
}
