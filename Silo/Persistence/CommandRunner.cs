using System.Data;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FundManager.Common;
using FundManager.Persistence.Json;
using Npgsql;

namespace FundManager.Persistence;

/// <summary>
/// Runs a command as one transaction: replays a command id already seen, otherwise decides on fresh
/// state and writes events, journal entries and the command id together. A writer that lost a race
/// for the same entity retries on the new state; a broken rule rolls everything back.
/// </summary>
public sealed class CommandRunner(NpgsqlDataSource dataSource, TimeProvider clock, EntityCache cache)
{
    private const int MaxAttempts = 20;

    public TimeProvider Clock => clock;

    /// <param name="context">The sender's command id (the same id again returns the first result), who sends it, and the version they saw.</param>
    /// <param name="body">The command itself; a replay with a different body is refused.</param>
    /// <param name="decide">Loads, decides and records; returns the result to store.</param>
    /// <param name="ct">Cancels the command before it commits.</param>
    public async Task<CommandResult> RunAsync(
        CommandContext context, object body, Func<UnitOfWork, CancellationToken, Task<CommandResult>> decide, CancellationToken ct)
    {
        var (id, actor, expectedVersion) = context;
        var kind = body.GetType().Name;
        var bodyHash = SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\n" + actor.Value + "\n" + JsonSerializer.Serialize(body, body.GetType(), StoredJson.Options)));
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            // The first attempt skips the look-up: a replay is caught by the command's unique key or,
            // if the replay is refused by a rule first, by the look-up made before reporting the refusal.
            if (attempt > 1 && await ReplayAsync(connection, tx, id, bodyHash, ct) is { } replay)
            {
                return replay;
            }

            try
            {
                var uow = new UnitOfWork(connection, tx, id, actor, clock.GetUtcNow(), expectedVersion, cache);
                var result = await decide(uow, ct);
                await uow.FlushAsync(kind, bodyHash, result, ct);
                await tx.CommitAsync(ct);
                uow.Committed();
                return result;
            }
            catch (Exception e) when (IsRetryable(e) && attempt < MaxAttempts)
            {
                await tx.RollbackAsync(CancellationToken.None);

                // Back off a little, at random, so racing writers do not collide again in step.
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), ct);
            }
            catch (RuleViolation) when (attempt == 1)
            {
                await tx.RollbackAsync(CancellationToken.None);
                if (await ReplayAsync(connection, null, id, bodyHash, ct) is { } replayed)
                {
                    return replayed;
                }

                throw;
            }
            catch (ConcurrencyConflictException e)
            {
                throw RuleViolation.Of(BusinessRule.ConcurrencyConflict, "The record was changed by someone else too many times in a row; try again.", null, ("stream", e.Stream));
            }
        }
    }

    private static async Task<CommandResult?> ReplayAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, CommandId id, byte[] bodyHash, CancellationToken ct)
    {
        var prior = await FindAsync(connection, tx, id, ct);
        if (prior is null)
        {
            return null;
        }

        return prior.Value.Hash.AsSpan().SequenceEqual(bodyHash)
            ? prior.Value.Result with { Replayed = true }
            : throw RuleViolation.Of(
                BusinessRule.CommandIdReused,
                "This command id (idempotency key) was already used for a different command.",
                "commandId",
                ("commandId", id.ToString()));
    }

    private static bool IsRetryable(Exception e) =>
        e is ConcurrencyConflictException or CommandAlreadyRecordedException
        || e is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected };

    private static async Task<(byte[] Hash, CommandResult Result)?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, CommandId id, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("select body_hash, result from commands where command_id = $1", connection, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = id.Value });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return ((byte[])reader[0], JsonSerializer.Deserialize<CommandResult>(reader.GetString(1), StoredJson.Options)!);
    }
}
