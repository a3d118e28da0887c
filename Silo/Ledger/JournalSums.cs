using FundManager.Funds;
using Npgsql;

namespace FundManager.Ledger;

/// <summary>
/// Brings a fund's sums of its journal up to its chain head: <c>account_balances</c> (each account's totals),
/// <c>account_days</c> (per account and day) and <c>stream_years</c> (what each entity's postings came to per account,
/// original currency and year). They are derived from the journal and kept off the postings' path: they hold the entries
/// up to <c>journal_sums_through</c>, and every reader adds the lines after it from the journal itself, so a refresh
/// makes reads quicker and never changes what they say. Two refreshes of one fund take turns.
/// </summary>
public sealed class JournalSums(NpgsqlDataSource dataSource)
{
    /// <summary>How many entries a fund's grain lets its sums lag by before it refreshes them (see <see cref="Funds.FundGrain"/>).</summary>
    public const int EntriesBetweenRefreshes = 1000;

    /// <summary>
    /// The journal lines (<c>l</c>) of fund <c>$1</c> that the sums do not hold yet, with their entries (<c>e</c>), for
    /// readers to add to the sums. The entries are found by key from a series of their sequence numbers: a range on the
    /// sequence would not do, since, planned before the mark is known, it is read through the date index, every entry
    /// before a date for none after the mark.
    /// </summary>
    internal const string LinesAfterMark = """
        generate_series(
            coalesce((select last_seq from journal_sums_through where fund_code = $1), 0) + 1,
            coalesce((select last_seq from ledger_heads where fund_code = $1), 0)) after_mark (seq)
        join journal_entries e on e.fund_code = $1 and e.seq = after_mark.seq
        join journal_lines l on l.fund_code = e.fund_code and l.seq = e.seq
        """;

    // Each adds the lines of entries $2 < seq <= $3 of fund $1.
    private const string AddToBalances = """
        insert into account_balances (fund_code, account, debit, credit)
        select fund_code, account, sum(debit), sum(credit)
        from journal_lines
        where fund_code = $1 and seq > $2 and seq <= $3
        group by fund_code, account
        on conflict (fund_code, account) do update
            set debit = account_balances.debit + excluded.debit,
                credit = account_balances.credit + excluded.credit
        """;

    private const string AddToDays = """
        insert into account_days (fund_code, account, day, debit, credit, lines)
        select l.fund_code, l.account, e.entry_date, sum(l.debit), sum(l.credit), count(*)
        from journal_lines l join journal_entries e on e.fund_code = l.fund_code and e.seq = l.seq
        where l.fund_code = $1 and l.seq > $2 and l.seq <= $3
        group by l.fund_code, l.account, e.entry_date
        on conflict (fund_code, account, day) do update
            set debit = account_days.debit + excluded.debit,
                credit = account_days.credit + excluded.credit,
                lines = account_days.lines + excluded.lines
        """;

    private const string AddToStreamYears = """
        insert into stream_years (fund_code, year, source_stream, account, currency, debit, credit, original_debit, first_day, last_day)
        select l.fund_code, extract(year from e.entry_date)::int, e.source_stream, l.account, l.currency, sum(l.debit), sum(l.credit),
               coalesce(sum(l.original_amount) filter (where l.debit > 0), 0), min(e.entry_date), max(e.entry_date)
        from journal_lines l join journal_entries e on e.fund_code = l.fund_code and e.seq = l.seq
        where l.fund_code = $1 and l.seq > $2 and l.seq <= $3
        group by l.fund_code, extract(year from e.entry_date)::int, e.source_stream, l.account, l.currency
        on conflict (fund_code, year, source_stream, account, currency) do update
            set debit = stream_years.debit + excluded.debit,
                credit = stream_years.credit + excluded.credit,
                original_debit = stream_years.original_debit + excluded.original_debit,
                first_day = least(stream_years.first_day, excluded.first_day),
                last_day = greatest(stream_years.last_day, excluded.last_day)
        """;

    /// <summary>Adds the fund's entries posted since the last refresh; returns how many there were.</summary>
    public async Task<long> RefreshAsync(FundCode fund, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var mark = new NpgsqlCommand("insert into journal_sums_through (fund_code, last_seq) values ($1, 0) on conflict (fund_code) do nothing", connection, tx))
        {
            mark.Parameters.Add(new() { Value = fund.Value });
            await mark.ExecuteNonQueryAsync(ct);
        }

        long through, head;
        await using (var read = new NpgsqlCommand("""
            select t.last_seq, coalesce(h.last_seq, 0)
            from journal_sums_through t left join ledger_heads h on h.fund_code = t.fund_code
            where t.fund_code = $1
            for update of t
            """, connection, tx))
        {
            read.Parameters.Add(new() { Value = fund.Value });
            await using var reader = await read.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            (through, head) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        if (head > through)
        {
            // Entries up to the head are committed and never change, whatever is posted meanwhile.
            await using var add = new NpgsqlBatch(connection, tx);
            foreach (var sql in new[] { AddToBalances, AddToDays, AddToStreamYears })
            {
                add.BatchCommands.Add(new NpgsqlBatchCommand(sql) { Parameters = { new() { Value = fund.Value }, new() { Value = through }, new() { Value = head } } });
            }

            add.BatchCommands.Add(new NpgsqlBatchCommand("update journal_sums_through set last_seq = $2 where fund_code = $1")
            {
                Parameters = { new() { Value = fund.Value }, new() { Value = head } },
            });
            await add.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return head - through;
    }
}
