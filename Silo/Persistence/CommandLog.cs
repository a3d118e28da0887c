using System.Data;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FundManager.Common;
using FundManager.Persistence.Json;
using Npgsql;

namespace FundManager.Persistence;

/// <summary>
/// The log of commands carried out (<c>commands</c>): the same command id again returns the first result; the same id
/// with a different body is refused. Entity commands are logged with their writes (<see cref="CommandStatements"/>); commands on things
/// that are not entities (user accounts) through <see cref="RunOnceAsync"/>.
/// </summary>
public static class CommandLog
{
    internal const string InsertSql = "insert into commands (command_id, kind, body_hash, result, actor, recorded_at) values ($1, $2, $3, $4, $5, $6)";

    /// <summary>What makes two sendings of a command id the same command: its kind, its sender and its body.</summary>
    public static byte[] BodyHash(string kind, UserId actor, object body) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\n" + actor.Value + "\n" + JsonSerializer.Serialize(body, body.GetType(), StoredJson.Options)));

    /// <summary>
    /// Runs <paramref name="act"/> once per command id, in one transaction with the log record (and the command's audit
    /// record, when it came over HTTP): a replay returns
    /// the first result and does nothing; a replay with another body is <see cref="BusinessRule.CommandIdReused"/>.
    /// </summary>
    public static async Task<CommandResult> RunOnceAsync(
        NpgsqlDataSource dataSource, TimeProvider clock, CommandContext context, string kind, object body,
        Func<NpgsqlConnection, NpgsqlTransaction, Task<CommandResult>> act, CancellationToken ct)
    {
        var hash = BodyHash(kind, context.Actor, body);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (await ReplayAsync(connection, null, context.Id, hash, ct) is { } replay)
        {
            return replay;
        }

        await using var tx = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        var result = await act(connection, tx);
        await using var log = new NpgsqlCommand(InsertSql, connection, tx);
        log.Parameters.Add(new() { Value = context.Id.Value });
        log.Parameters.Add(new() { Value = kind });
        log.Parameters.Add(new() { Value = hash });
        log.Parameters.Add(new() { Value = JsonSerializer.Serialize(result, StoredJson.Options), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb });
        log.Parameters.Add(new() { Value = context.Actor.Value });
        log.Parameters.Add(new() { Value = clock.GetUtcNow() });
        try
        {
            await log.ExecuteNonQueryAsync(ct);
            if (context.Audit is { } audit)
            {
                await AuditLog.WriteAsync(connection, tx, audit, context.Id, ct);
            }

            await tx.CommitAsync(ct);
            return result;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "commands_pkey")
        {
            // The same command raced this one and won: answer as a replay.
            await tx.RollbackAsync(CancellationToken.None);
            return await ReplayAsync(connection, null, context.Id, hash, ct) ?? throw new InvalidOperationException("A logged command vanished.");
        }
    }

    /// <summary>The first result of a command id seen before (marked replayed), or null; another body under the same id is refused.</summary>
    internal static async Task<CommandResult?> ReplayAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, CommandId id, byte[] bodyHash, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("select body_hash, result from commands where command_id = $1", connection, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = id.Value });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var (hash, result) = ((byte[])reader[0], JsonSerializer.Deserialize<CommandResult>(reader.GetString(1), StoredJson.Options)!);
        return hash.AsSpan().SequenceEqual(bodyHash)
            ? result with { Replayed = true }
            : throw RuleViolation.Of(
                BusinessRule.CommandIdReused,
                "This command id (idempotency key) was already used for a different command.",
                "commandId",
                ("commandId", id.ToString()));
    }
}
