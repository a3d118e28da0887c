using FundManager.Funds;
using FundManager.Ledger;
using Npgsql;

namespace FundManager.Persistence;

/// <summary>
/// What a fund's grain reads and writes: the ledger's head and balances once, when it activates; then each group of
/// commands that reached it while the previous group committed, in one implicit transaction (one round trip).
/// </summary>
public sealed class LedgerStore(NpgsqlDataSource dataSource) : IDisposable
{
    private readonly WriterConnections _writers = new(dataSource);

    /// <summary>The fund's chain head and balances, or null when the fund has no ledger.</summary>
    public async Task<LedgerState?> LoadAsync(FundCode fund, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);

        // One snapshot for the head and the balances, which are the sums up to journal_sums_through and the lines after it.
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using var batch = new NpgsqlBatch(connection, tx)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("select last_seq, last_hash from ledger_heads where fund_code = $1") { Parameters = { new() { Value = fund.Value } } },
                new NpgsqlBatchCommand($"""
                    select account, sum(amount) from (
                        select account, debit - credit as amount from account_balances where fund_code = $1
                        union all
                        select l.account, l.debit - l.credit from {JournalSums.LinesAfterMark}) lines
                    group by account
                    """) { Parameters = { new() { Value = fund.Value } } },
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

    /// <summary>Writes a group of the fund's commands in one transaction (see <see cref="GroupTransaction"/>).</summary>
    public Task<GroupCommit> CommitAsync(IReadOnlyList<GroupedWrite> group, CancellationToken ct) =>
        GroupTransaction.CommitAsync(_writers, group, ct);

    public void Dispose() => _writers.Dispose();
}
