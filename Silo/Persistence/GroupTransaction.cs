using Npgsql;

namespace FundManager.Persistence;

/// <summary>
/// Writes a group of commands in one implicit transaction (one batch, one round trip), through a connection of its
/// loop's <see cref="WriterConnections"/>. When the database refuses one statement the whole group is rolled back, and
/// the result names the write the statement belongs to and why, so that its writer can answer that command alone and
/// write the others again without it.
/// </summary>
internal static class GroupTransaction
{
    public static async Task<GroupCommit> CommitAsync(WriterConnections connections, IReadOnlyList<GroupedWrite> group, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch();
        var owners = new Dictionary<NpgsqlBatchCommand, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < group.Count; i++)
        {
            var first = batch.BatchCommands.Count;
            CommandStatements.Append(batch, group[i].Write, group[i].Entries, group[i].OpensLedger);
            for (var s = first; s < batch.BatchCommands.Count; s++)
            {
                owners[batch.BatchCommands[s]] = i;
            }
        }

        NpgsqlConnection? connection = null;
        try
        {
            batch.Connection = connection = await connections.RentAsync(ct);
            await batch.ExecuteNonQueryAsync(ct);
            return GroupCommit.Committed;
        }
        catch (PostgresException e) when (FailedStatement(batch) is { } failed && owners.TryGetValue(failed, out var index))
        {
            return new GroupCommit(index, CommandStatements.Classify(e, group[index].Write));
        }
        catch (PostgresException e)
        {
            // Refused when the transaction committed (a deferred check): no single write is to blame, and none was written.
            return new GroupCommit(null, WriteOutcome.Failed(e));
        }
        catch (NpgsqlException e) when (e is not PostgresException)
        {
            // The connection failed: the commit may have happened or not.
            return new GroupCommit(null, WriteOutcome.Of(WriteStatus.Unknown));
        }
        finally
        {
            if (connection is not null)
            {
                connections.Return(connection);
            }
        }
    }

    // The statement the database refused: the first one that did not run (statements after a failure do not run, and
    // every statement here is an insert or an update, which reports a row count when it runs). Npgsql does not name it in
    // the exception.
    private static NpgsqlBatchCommand? FailedStatement(NpgsqlBatch batch) =>
        batch.BatchCommands.Cast<NpgsqlBatchCommand>().FirstOrDefault(c => c.RecordsAffected < 0);
}
