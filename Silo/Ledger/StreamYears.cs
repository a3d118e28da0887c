using FundManager.Funds;
using Npgsql;

namespace FundManager.Ledger;

/// <summary>
/// Brings <c>stream_years</c> (what each entity's postings came to per account, original currency and year) up to a
/// fund's chain head. It is derived from the journal and off the postings' path: readers
/// (<see cref="LedgerQueries.StreamActivityAsync"/>) sum the lines after <c>stream_years_through</c> from the journal
/// themselves, so a refresh makes reports quicker and never changes what they say. Two refreshes of one fund take turns.
/// </summary>
public sealed class StreamYears(NpgsqlDataSource dataSource)
{
    /// <summary>Adds the fund's entries posted since the last refresh; returns how many there were.</summary>
    public async Task<long> RefreshAsync(FundCode fund, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var mark = new NpgsqlCommand("insert into stream_years_through (fund_code, last_seq) values ($1, 0) on conflict (fund_code) do nothing", connection, tx))
        {
            mark.Parameters.Add(new() { Value = fund.Value });
            await mark.ExecuteNonQueryAsync(ct);
        }

        long through, head;
        await using (var read = new NpgsqlCommand("""
            select t.last_seq, coalesce(h.last_seq, 0)
            from stream_years_through t left join ledger_heads h on h.fund_code = t.fund_code
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
            await using var add = new NpgsqlCommand("""
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
                """, connection, tx);
            add.Parameters.Add(new() { Value = fund.Value });
            add.Parameters.Add(new() { Value = through });
            add.Parameters.Add(new() { Value = head });
            await add.ExecuteNonQueryAsync(ct);

            await using var advance = new NpgsqlCommand("update stream_years_through set last_seq = $2 where fund_code = $1", connection, tx);
            advance.Parameters.Add(new() { Value = fund.Value });
            advance.Parameters.Add(new() { Value = head });
            await advance.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return head - through;
    }
}
