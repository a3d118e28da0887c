using FundManager.Funds;
using FundManager.Ledger;
using Npgsql;

namespace FundManager.Persistence;

/// <summary>
/// What a fund's grain reads and writes: the ledger's head and balances once, when it activates; then each group of
/// commands that reached it while the previous group committed, in one implicit transaction (one round trip).
/// </summary>
public sealed class LedgerStore(NpgsqlDataSource dataSource)
{
    /// <summary>The fund's chain head and balances, or null when the fund has no ledger.</summary>
    public async Task<LedgerState?> LoadAsync(FundCode fund, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("select last_seq, last_hash from ledger_heads where fund_code = $1") { Parameters = { new() { Value = fund.Value } } },
                new NpgsqlBatchCommand("select account, debit - credit from account_balances where fund_code = $1") { Parameters = { new() { Value = fund.Value } } },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var (sequence, hash) = (reader.GetInt64(0), (byte[])reader[1]);
        await reader.NextResultAsync(ct);
        var balances = new Dictionary<Account, decimal>();
        while (await reader.ReadAsync(ct))
        {
            balances[(Account)reader.GetInt32(0)] = reader.GetDecimal(1);
        }

        return new LedgerState(sequence, hash, balances);
    }

    /// <summary>
    /// Writes a group of commands in one transaction. When the database refuses one statement the whole group is rolled
    /// back and the result names the write it belongs to and why, so that the others can be written without it.
    /// </summary>
    public async Task<GroupCommit> CommitAsync(IReadOnlyList<GroupedWrite> group, CancellationToken ct)
    {
        await using var batch = dataSource.CreateBatch();
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

        try
        {
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
    }

    // The statement the database refused: the first one that did not run (statements after a failure do not run, and
    // every statement here is an insert, which reports a row count when it runs). Npgsql does not name it in the exception.
    private static NpgsqlBatchCommand? FailedStatement(NpgsqlBatch batch) =>
        batch.BatchCommands.Cast<NpgsqlBatchCommand>().FirstOrDefault(c => c.RecordsAffected < 0);
}
