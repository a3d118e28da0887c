using FundManager.Funds;
using FundManager.Persistence;
using Npgsql;

namespace FundManager.Ledger;

/// <summary>Reads the ledger: trial balances, journal entries, and the re-verification of the hash chain.</summary>
public sealed class LedgerQueries(NpgsqlDataSource dataSource)
{
    /// <summary>The funds that have a ledger, by code.</summary>
    public async Task<IReadOnlyList<FundCode>> FundsAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await FundsAsync(connection, null, ct);
    }

    private static async Task<IReadOnlyList<FundCode>> FundsAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("select fund_code from ledger_heads order by fund_code", connection, tx);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var funds = new List<FundCode>();
        while (await reader.NextRowAsync(ct))
        {
            funds.Add(FundCode.Parse(reader.GetString(0)));
        }

        return funds;
    }

    /// <summary>
    /// Every account of the chart with its debit and credit totals over entries dated on or before
    /// <paramref name="asOf"/> (all entries when null), summed from each account's days (<c>account_days</c>, see
    /// <see cref="JournalSums"/>) and the lines posted since their last refresh, so it costs about the same for a million
    /// lines as for ten.
    /// </summary>
    public async Task<TrialBalance> TrialBalanceAsync(FundCode fund, DateOnly? asOf = null, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await EnsureFundAsync(connection, fund, ct);
        await using var cmd = new NpgsqlCommand($"""
            select account, sum(debit), sum(credit) from (
                select account, debit, credit from account_days
                where fund_code = $1 and ($2::date is null or day <= $2)
                union all
                select l.account, l.debit, l.credit
                from {JournalSums.LinesAfterMark}
                where $2::date is null or e.entry_date <= $2) lines
            group by account
            """, connection);
        cmd.Parameters.Add(new() { Value = fund.Value });
        cmd.Parameters.Add(new() { Value = (object?)asOf ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date });
        return await TrialBalanceOfAsync(fund, asOf, cmd, ct);
    }

    /// <summary>
    /// The trial balance over entries numbered up to <paramref name="throughSequence"/> only, summed from the journal lines
    /// themselves: with a chain head read beforehand, several reads then describe the same ledger even while postings
    /// continue (entries up to the head are committed and never change).
    /// </summary>
    public async Task<TrialBalance> TrialBalanceAsync(FundCode fund, DateOnly? asOf, long throughSequence, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await EnsureFundAsync(connection, fund, ct);
        await using var cmd = new NpgsqlCommand("""
            select l.account, sum(l.debit), sum(l.credit)
            from journal_lines l join journal_entries e on e.fund_code = l.fund_code and e.seq = l.seq
            where l.fund_code = $1 and ($2::date is null or e.entry_date <= $2) and e.seq <= $3
            group by l.account
            """, connection);
        cmd.Parameters.Add(new() { Value = fund.Value });
        cmd.Parameters.Add(new() { Value = (object?)asOf ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date });
        cmd.Parameters.Add(new() { Value = throughSequence });
        return await TrialBalanceOfAsync(fund, asOf, cmd, ct);
    }

    // Every account of the chart, with the totals the query found (zero for an account it did not).
    private static async Task<TrialBalance> TrialBalanceOfAsync(FundCode fund, DateOnly? asOf, NpgsqlCommand cmd, CancellationToken ct)
    {
        var totals = new Dictionary<Account, (decimal Debit, decimal Credit)>();
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.NextRowAsync(ct))
            {
                totals[(Account)reader.GetInt32(0)] = (reader.GetDecimal(1), reader.GetDecimal(2));
            }
        }

        var rows = Enum.GetValues<Account>()
            .Select(a => totals.TryGetValue(a, out var t) ? new TrialBalanceRow(a, t.Debit, t.Credit) : new TrialBalanceRow(a, 0m, 0m))
            .ToList();
        return new TrialBalance(fund, asOf, rows);
    }

    /// <summary>The head of a fund's hash chain: its last entry's sequence and hash. An unknown fund is <see cref="BusinessRule.EntityNotFound"/>.</summary>
    public async Task<LedgerHead> HeadAsync(FundCode fund, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await EnsureFundAsync(connection, fund, ct);
        var (seq, hash) = await ReadHeadAsync(connection, fund, ct);
        return new LedgerHead(fund, seq, hash);
    }

    /// <summary>
    /// Per source stream, account and original currency: what entries dated within [<paramref name="from"/>, <paramref name="to"/>] posted,
    /// and what all entries dated on or before <paramref name="to"/> posted. Whole years are summed from
    /// <c>stream_years</c> (<see cref="JournalSums"/>); a year the period starts or ends within, and the entries posted
    /// since the table's last refresh, are read line by line.
    /// </summary>
    public async Task<IReadOnlyList<StreamActivity>> StreamActivityAsync(FundCode fund, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await EnsureFundAsync(connection, fund, ct);
        await using var tx = await WithSortMemoryAsync(connection, ct);
        var cut = CutYears(from, to);

        // A year row lies wholly before the period or wholly within it, since the years cut through are read as lines.
        // The year rows hold the entries up to journal_sums_through; the entries after it are read as lines too.
        await using var cmd = new NpgsqlCommand($"""
            select source_stream, account, currency,
                   coalesce(sum(debit) filter (where in_period), 0), coalesce(sum(credit) filter (where in_period), 0),
                   sum(debit), sum(credit),
                   coalesce(sum(original_debit) filter (where in_period), 0), sum(original_debit),
                   min(first_day) filter (where in_period), max(last_day) filter (where in_period),
                   min(first_day), max(last_day)
            from (
                select source_stream, account, currency, debit, credit, original_debit, first_day, last_day, year >= $4 as in_period
                from stream_years
                where fund_code = $1 and year <= $5 and year <> all($6)
                union all
                select e.source_stream, l.account, l.currency, l.debit, l.credit, case when l.debit > 0 then l.original_amount else 0 end,
                       e.entry_date, e.entry_date, e.entry_date >= $2
                from unnest($6::int[]) y(year)
                join journal_entries e on e.fund_code = $1 and e.entry_date between make_date(y.year, 1, 1) and least(make_date(y.year, 12, 31), $3)
                join journal_lines l on l.fund_code = e.fund_code and l.seq = e.seq
                union all
                select e.source_stream, l.account, l.currency, l.debit, l.credit, case when l.debit > 0 then l.original_amount else 0 end,
                       e.entry_date, e.entry_date, e.entry_date >= $2
                from {JournalSums.LinesAfterMark}
                where e.entry_date <= $3 and extract(year from e.entry_date)::int <> all($6)) activity
            group by source_stream, account, currency
            """, connection, tx);
        cmd.Parameters.Add(new() { Value = fund.Value });
        cmd.Parameters.Add(new() { Value = from });
        cmd.Parameters.Add(new() { Value = to });
        cmd.Parameters.Add(new() { Value = from.Year });
        cmd.Parameters.Add(new() { Value = to.Year });
        cmd.Parameters.Add(new() { Value = cut });
        cmd.ForLargeResult();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<StreamActivity>();
        while (await reader.NextRowAsync(ct))
        {
            rows.Add(new StreamActivity(
                reader.GetString(0), (Account)reader.GetInt32(1), reader.GetString(2).Trim(), reader.GetDecimal(3), reader.GetDecimal(4), reader.GetDecimal(5),
                reader.GetDecimal(6), reader.GetDecimal(7), reader.GetDecimal(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateOnly>(9), reader.IsDBNull(10) ? null : reader.GetFieldValue<DateOnly>(10),
                reader.GetFieldValue<DateOnly>(11), reader.GetFieldValue<DateOnly>(12)));
        }

        return rows;
    }

    /// <summary>The years a period starts or ends within, rather than on their first or last day: their lines are read one by one.</summary>
    public static int[] CutYears(DateOnly from, DateOnly to)
    {
        var cut = new SortedSet<int>();
        if (from != new DateOnly(from.Year, 1, 1))
        {
            cut.Add(from.Year);
        }

        if (to != new DateOnly(to.Year, 12, 31))
        {
            cut.Add(to.Year);
        }

        return [.. cut];
    }

    /// <summary>
    /// The journal entries of a fund in sequence order, with their lines: optionally only those dated within a range,
    /// numbered after <paramref name="afterSequence"/>, and at most <paramref name="maxEntries"/> of them.
    /// </summary>
    public async IAsyncEnumerable<JournalEntry> EntriesAsync(
        FundCode fund, DateOnly? from = null, DateOnly? to = null, long? afterSequence = null, int? maxEntries = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await WithSortMemoryAsync(connection, ct);
        await foreach (var entry in ReadEntriesAsync(connection, tx, fund, from, to, afterSequence, maxEntries, ct))
        {
            yield return entry;
        }
    }

    private static async IAsyncEnumerable<JournalEntry> ReadEntriesAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, FundCode fund, DateOnly? from, DateOnly? to, long? afterSequence, int? maxEntries,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        // One row per entry, its lines in arrays found through the lines' key: entries stream in sequence order from the
        // first, nothing is sorted, and an entry's fields cross the wire once rather than once per line.
        await using var cmd = new NpgsqlCommand("""
            select e.seq, e.entry_date, e.description, e.source_stream, e.source_version, e.source_event, e.command_id, e.actor,
                   e.recorded_at, e.prev_hash, e.hash, l.accounts, l.debits, l.credits, l.currencies, l.amounts, l.memos
            from journal_entries e
            cross join lateral (
                select array_agg(account) as accounts, array_agg(debit) as debits, array_agg(credit) as credits,
                       array_agg(currency::text) as currencies, array_agg(original_amount) as amounts, array_agg(memo) as memos
                from (select * from journal_lines l where l.fund_code = e.fund_code and l.seq = e.seq order by l.line_no) line) l
            where e.fund_code = $1 and ($2::date is null or e.entry_date >= $2) and ($3::date is null or e.entry_date <= $3) and e.seq > $4
            order by e.seq
            limit $5
            """, connection, tx);
        cmd.Parameters.Add(new() { Value = fund.Value });
        cmd.Parameters.Add(new() { Value = (object?)from ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date });
        cmd.Parameters.Add(new() { Value = (object?)to ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date });
        cmd.Parameters.Add(new() { Value = afterSequence ?? 0L });
        cmd.Parameters.Add(new() { Value = (object?)maxEntries ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        cmd.ForLargeResult();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.NextRowAsync(ct))
        {
            var lines = new List<JournalLine>();
            var entry = new JournalEntry(
                fund, reader.GetInt64(0), reader.GetFieldValue<DateOnly>(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), reader.GetString(5),
                reader.GetGuid(6), reader.GetString(7), reader.GetFieldValue<DateTimeOffset>(8), (byte[])reader[9], (byte[])reader[10], lines);

            // An entry without lines (which the ledger's checks would report) has no arrays.
            if (!reader.IsDBNull(11))
            {
                var accounts = reader.GetFieldValue<int[]>(11);
                var debits = reader.GetFieldValue<decimal[]>(12);
                var credits = reader.GetFieldValue<decimal[]>(13);
                var currencies = reader.GetFieldValue<string[]>(14);
                var amounts = reader.GetFieldValue<decimal[]>(15);
                var memos = reader.GetFieldValue<string?[]>(16);
                for (var i = 0; i < accounts.Length; i++)
                {
                    lines.Add(new JournalLine((Account)accounts[i], debits[i], credits[i], new Money(amounts[i], CurrencyCode.Parse(currencies[i].Trim())), memos[i]));
                }
            }

            yield return entry;
        }
    }

    /// <summary>
    /// The activity of one account: its lines ordered by entry date, then sequence and line, each with its row (1 for
    /// the account's first line ever) and the running balance over every earlier line (so the first line shown after
    /// <paramref name="from"/> carries the balance brought forward). Only lines dated within the range, after
    /// <paramref name="after"/> (the position of the previous page's last line), at most <paramref name="maxLines"/>.
    /// What came before the first line shown is summed from the account's days (<c>account_days</c>), the lines posted
    /// since their last refresh and the lines of that one day, and the page reads only the days the account has lines on,
    /// so a page costs about the same at the end of a million lines as at the start, for an account seldom used as well.
    /// </summary>
    public async Task<IReadOnlyList<AccountActivityLine>> AccountActivityAsync(
        FundCode fund, Account account, DateOnly? from = null, DateOnly? to = null, AccountActivityPosition? after = null, int maxLines = 50,
        CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await EnsureFundAsync(connection, fund, ct);
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);

        // A page reads a few dozen rows: starting parallel workers would cost more than the read.
        await using (var serial = new NpgsqlCommand("set local max_parallel_workers_per_gather = 0", connection, tx))
        {
            await serial.ExecuteNonQueryAsync(ct);
        }

        var start = after ?? new AccountActivityPosition(from ?? DateOnly.MinValue, 0, 0);
        if (from is { } first && start.Date < first)
        {
            start = new AccountActivityPosition(first, 0, 0);
        }

        // Brought forward: whole days before the start's day (their sums, then their lines posted since the sums' last
        // refresh), then that day's lines up to the start.
        await using var before = new NpgsqlCommand($"""
            select coalesce(sum(d.debit - d.credit), 0), coalesce(sum(d.lines), 0)::bigint from account_days d
            where d.fund_code = $1 and d.account = $2 and d.day < $3
            union all
            select coalesce(sum(l.debit - l.credit), 0), count(*)
            from {JournalSums.LinesAfterMark}
            where e.entry_date < $3 and l.account = $2
            union all
            select coalesce(sum(l.debit - l.credit), 0), count(*) from journal_entries e
            join journal_lines l on l.fund_code = e.fund_code and l.seq = e.seq
            where e.fund_code = $1 and e.entry_date = $3 and e.seq <= $4 and l.account = $2 and (e.seq, l.line_no) <= ($4, $5)
            """, connection, tx);
        before.Parameters.Add(new() { Value = fund.Value });
        before.Parameters.Add(new() { Value = (int)account });
        before.Parameters.Add(new() { Value = start.Date });
        before.Parameters.Add(new() { Value = start.Sequence });
        before.Parameters.Add(new() { Value = start.Line });
        var balance = 0m;
        var row = 0L;
        await using (var reader = await before.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                balance += reader.GetDecimal(0);
                row += reader.GetInt64(1);
            }
        }

        // The page: the days the account has lines on (its days, and the days of its lines posted since their refresh),
        // in order, each read from the journal in the order of its entries until the page is full. A rarely used account
        // skips the days it has no line on instead of reading every entry after the start.
        await using var page = new NpgsqlCommand($"""
            with days as (
                select d.day from account_days d
                where d.fund_code = $1 and d.account = $2 and d.day >= $3 and ($6::date is null or d.day <= $6)
                union
                select e.entry_date from {JournalSums.LinesAfterMark}
                where l.account = $2 and e.entry_date >= $3 and ($6::date is null or e.entry_date <= $6))
            select x.seq, x.line_no, d.day, x.description, x.debit, x.credit
            from (select day from days order by day) d
            cross join lateral (
                select e.seq, l.line_no, e.description, l.debit, l.credit
                from journal_entries e join journal_lines l on l.fund_code = e.fund_code and l.seq = e.seq
                where e.fund_code = $1 and e.entry_date = d.day and l.account = $2 and (e.entry_date, e.seq, l.line_no) > ($3, $4, $5)
                order by e.seq, l.line_no
                limit $7) x
            order by d.day, x.seq, x.line_no
            limit $7
            """, connection, tx);
        page.Parameters.Add(new() { Value = fund.Value });
        page.Parameters.Add(new() { Value = (int)account });
        page.Parameters.Add(new() { Value = start.Date });
        page.Parameters.Add(new() { Value = start.Sequence });
        page.Parameters.Add(new() { Value = start.Line });
        page.Parameters.Add(new() { Value = (object?)to ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date });
        page.Parameters.Add(new() { Value = maxLines });
        var lines = new List<AccountActivityLine>(maxLines);
        await using (var reader = await page.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var (debit, credit) = (reader.GetDecimal(4), reader.GetDecimal(5));
                balance += debit - credit;
                lines.Add(new AccountActivityLine(++row, reader.GetInt64(0), reader.GetInt32(1), reader.GetFieldValue<DateOnly>(2), reader.GetString(3), debit, credit, balance));
            }
        }

        return lines;
    }

    /// <summary>
    /// Re-verifies one fund's ledger, or every fund's: each entry numbered without gaps, balanced,
    /// chained to the previous entry's hash and hashing to its stored hash; the chain head and the
    /// running account balances agreeing with the journal. Stops at the first broken entry.
    /// </summary>
    public async Task<VerificationResult> VerifyAsync(FundCode? fund = null, CancellationToken ct = default)
    {
        // One snapshot for everything read, so that postings made meanwhile can neither break nor hide anything.
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await WithSortMemoryAsync(connection, ct);
        var funds = fund is { } one ? [one] : await FundsAsync(connection, tx, ct);
        var heads = new List<LedgerHead>();
        long checkedCount = 0;
        foreach (var code in funds)
        {
            await EnsureFundAsync(connection, code, ct, tx);
            var (headSeq, headHash) = await ReadHeadAsync(connection, code, ct, tx);
            var expectedPrevious = JournalHash.Genesis;
            long expectedSeq = 1;

            // The stored balances hold the entries up to their mark: they are checked against the journal's sums there.
            var (summedThrough, stored) = await StoredBalancesAsync(connection, code, ct, tx);
            var sums = new Dictionary<Account, (decimal Debit, decimal Credit)>();
            await foreach (var entry in ReadEntriesAsync(connection, tx, code, null, null, null, null, ct))
            {
                checkedCount++;
                var problem = Check(entry, expectedSeq, expectedPrevious);
                if (problem is not null)
                {
                    return VerificationResult.Broken(checkedCount, code, entry.Sequence, problem);
                }

                if (entry.Sequence <= summedThrough)
                {
                    foreach (var line in entry.Lines)
                    {
                        var (d, c) = sums.GetValueOrDefault(line.Account);
                        sums[line.Account] = (d + line.Debit, c + line.Credit);
                    }
                }

                expectedPrevious = entry.Hash;
                expectedSeq++;
            }

            if (headSeq != expectedSeq - 1 || !headHash.AsSpan().SequenceEqual(expectedPrevious))
            {
                return VerificationResult.Broken(checkedCount, code, expectedSeq, $"the chain head says entry {headSeq}, but the journal ends at entry {expectedSeq - 1} or its hash differs (entries removed?)");
            }

            if (summedThrough > headSeq)
            {
                return VerificationResult.Broken(checkedCount, code, headSeq, $"the stored balances hold entries through {summedThrough}, but the journal ends at entry {headSeq}");
            }

            foreach (var account in sums.Keys.Union(stored.Keys))
            {
                if (sums.GetValueOrDefault(account) != stored.GetValueOrDefault(account))
                {
                    return VerificationResult.Broken(checkedCount, code, summedThrough, $"the stored balance of account {AccountInfo.Code(account)} differs from the sum of its journal lines through entry {summedThrough}");
                }
            }

            heads.Add(new LedgerHead(code, headSeq, headHash));
        }

        return VerificationResult.Ok(checkedCount, heads);
    }

    /// <summary>
    /// A read-only transaction whose sorts and aggregates may use more memory than the server's default: over a fund of a
    /// million lines they would otherwise spill to disk and take several times as long.
    /// </summary>
    private static async Task<NpgsqlTransaction> WithSortMemoryAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using var memory = new NpgsqlCommand("set local work_mem = '128MB'", connection, tx);
        await memory.ExecuteNonQueryAsync(ct);
        return tx;
    }

    private static string? Check(JournalEntry entry, long expectedSeq, byte[] expectedPrevious)
    {
        if (entry.Sequence != expectedSeq)
        {
            return $"expected entry {expectedSeq} here (the sequence has a gap)";
        }

        if (entry.Lines.Count < 2 || entry.TotalDebit != entry.TotalCredit)
        {
            return $"debits {entry.TotalDebit:F2} do not equal credits {entry.TotalCredit:F2}";
        }

        if (!entry.PreviousHash.AsSpan().SequenceEqual(expectedPrevious))
        {
            return "its previous hash is not the hash of the entry before it";
        }

        var recomputed = JournalHash.Compute(entry.PreviousHash, entry);
        return recomputed.AsSpan().SequenceEqual(entry.Hash) ? null : "its content does not match its hash (altered after it was posted)";
    }

    private static async Task<(long Seq, byte[] Hash)> ReadHeadAsync(NpgsqlConnection connection, FundCode fund, CancellationToken ct, NpgsqlTransaction? tx = null)
    {
        await using var cmd = new NpgsqlCommand("select last_seq, last_hash from ledger_heads where fund_code = $1", connection, tx);
        cmd.Parameters.Add(new() { Value = fund.Value });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), (byte[])reader[1]);
    }

    // The stored balances and the last entry they hold.
    private static async Task<(long Through, Dictionary<Account, (decimal Debit, decimal Credit)> Balances)> StoredBalancesAsync(
        NpgsqlConnection connection, FundCode fund, CancellationToken ct, NpgsqlTransaction? tx = null)
    {
        await using var mark = new NpgsqlCommand("select coalesce((select last_seq from journal_sums_through where fund_code = $1), 0)", connection, tx);
        mark.Parameters.Add(new() { Value = fund.Value });
        var through = (long)(await mark.ExecuteScalarAsync(ct))!;

        await using var cmd = new NpgsqlCommand("select account, debit, credit from account_balances where fund_code = $1", connection, tx);
        cmd.Parameters.Add(new() { Value = fund.Value });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var balances = new Dictionary<Account, (decimal, decimal)>();
        while (await reader.NextRowAsync(ct))
        {
            balances[(Account)reader.GetInt32(0)] = (reader.GetDecimal(1), reader.GetDecimal(2));
        }

        return (through, balances);
    }

    private static async Task EnsureFundAsync(NpgsqlConnection connection, FundCode fund, CancellationToken ct, NpgsqlTransaction? tx = null)
    {
        await using var cmd = new NpgsqlCommand("select exists (select 1 from ledger_heads where fund_code = $1)", connection, tx);
        cmd.Parameters.Add(new() { Value = fund.Value });
        if (!(bool)(await cmd.ExecuteScalarAsync(ct))!)
        {
            throw RuleViolation.Of(BusinessRule.EntityNotFound, $"There is no fund {fund}.", "fund", ("fund", fund.Value));
        }
    }
}
