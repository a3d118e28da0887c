using System.Data;
using FundManager.Common;
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

    // The batch the current flow of control is in, if any (see InOneTransactionAsync).
    private readonly AsyncLocal<Batch?> _batch = new();

    public TimeProvider Clock => clock;

    /// <summary>
    /// Runs <paramref name="work"/> with every command it sends in one transaction, committed at the end: for loading
    /// many commands at once (a large demo data set), where a commit per command would dominate. The commands are
    /// decided and checked exactly as alone; the first refusal or failure rolls the whole batch back.
    /// </summary>
    public async Task InOneTransactionAsync(Func<Task> work, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        _batch.Value = new Batch(connection, tx, new BatchState());
        try
        {
            await work();
            await tx.CommitAsync(ct);
        }
        catch
        {
            // Entities cached by the batch's commands were never committed.
            cache.Clear();
            throw;
        }
        finally
        {
            _batch.Value = null;
        }
    }

    /// <param name="context">The sender's command id (the same id again returns the first result), who sends it, and the version they saw.</param>
    /// <param name="body">The command itself; a replay with a different body is refused.</param>
    /// <param name="decide">Loads, decides and records; returns the result to store.</param>
    /// <param name="ct">Cancels the command before it commits.</param>
    public async Task<CommandResult> RunAsync(
        CommandContext context, object body, Func<UnitOfWork, CancellationToken, Task<CommandResult>> decide, CancellationToken ct)
    {
        var (id, actor, expectedVersion) = context;
        var kind = body.GetType().Name;
        var bodyHash = CommandLog.BodyHash(kind, actor, body);
        if (_batch.Value is { } batch)
        {
            var unit = new UnitOfWork(batch.Connection, batch.Transaction, id, actor, clock.GetUtcNow(), expectedVersion, cache, batch.State);
            var decided = await decide(unit, ct);
            await unit.FlushAsync(kind, bodyHash, decided, ct);
            unit.Committed();
            return decided;
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            // The first attempt skips the look-up: a replay is caught by the command's unique key or,
            // if the replay is refused by a rule first, by the look-up made before reporting the refusal.
            if (attempt > 1 && await CommandLog.ReplayAsync(connection, tx, id, bodyHash, ct) is { } replay)
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
                if (await CommandLog.ReplayAsync(connection, null, id, bodyHash, ct) is { } replayed)
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

    private static bool IsRetryable(Exception e) =>
        e is ConcurrencyConflictException or CommandAlreadyRecordedException
        || e is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected };

    private sealed record Batch(NpgsqlConnection Connection, NpgsqlTransaction Transaction, BatchState State);
}
