using FundManager.Donors;
using FundManager.Ledger;
using FundManager.Pledges;
using FundManager.Tests.Infrastructure;
using Npgsql;

namespace FundManager.Tests.Ledger;

/// <summary>
/// Each account's days (<c>account_days</c>, one of the sums <see cref="JournalSums"/> refreshes) against the journal
/// lines themselves: the trial balance as of any date, and an account's activity walked a page at a time in date order,
/// with entries posted out of date order, before the sums are refreshed and after; and that a posting writes none of
/// the sums, only the journal.
/// </summary>
public sealed class AccountDaysTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly Scenario _s = new(db.System);

    [Fact]
    public async Task The_trial_balance_from_the_days_is_the_one_summed_from_the_lines_as_of_every_date()
    {
        var fund = await PostedOutOfOrderAsync();
        await AssertTrialBalancesFromLinesAsync(fund);

        // Refreshed halfway: the days hold the first receipts, and the later ones are read as lines.
        var refreshedThrough = (await db.System.Ledger.HeadAsync(fund)).Sequence;
        Assert.Equal(refreshedThrough, await db.System.JournalSums.RefreshAsync(fund));
        await ReceiveOutOfOrderAsync(fund, "after the refresh");
        await AssertTrialBalancesFromLinesAsync(fund);

        Assert.Equal((await db.System.Ledger.HeadAsync(fund)).Sequence - refreshedThrough, await db.System.JournalSums.RefreshAsync(fund));
        await AssertTrialBalancesFromLinesAsync(fund);
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            select count(*) from (
                (select fund_code, account, day, debit, credit, lines from account_days where fund_code = $1)
                except
                (select l.fund_code, l.account, e.entry_date, sum(l.debit), sum(l.credit), count(*)
                 from journal_lines l join journal_entries e using (fund_code, seq) where l.fund_code = $1 group by 1, 2, 3)) differing
            """, connection);
        cmd.Parameters.Add(new() { Value = fund.Value });
        Assert.Equal(0L, (long)(await cmd.ExecuteScalarAsync())!);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_accounts_activity_walked_two_lines_a_page_is_in_date_order_with_every_row_and_running_balance(bool halfRefreshed)
    {
        var fund = await PostedOutOfOrderAsync();
        if (halfRefreshed)
        {
            // The days hold these receipts; the next ones, dated among them, are read as lines.
            await db.System.JournalSums.RefreshAsync(fund);
            await ReceiveOutOfOrderAsync(fund, "after the refresh");
        }

        // What the activity must be: the cash lines of every entry, in date, sequence and line order.
        var expected = new List<(DateOnly Date, long Sequence, int Line, decimal Change)>();
        await foreach (var entry in db.System.Ledger.EntriesAsync(fund))
        {
            expected.AddRange(entry.Lines.Select((l, i) => (l, i)).Where(x => x.l.Account == Account.Cash).Select(x => (entry.Date, entry.Sequence, x.i + 1, x.l.Debit - x.l.Credit)));
        }

        expected = [.. expected.OrderBy(e => e.Date).ThenBy(e => e.Sequence).ThenBy(e => e.Line)];
        Assert.True(expected.Count >= 5);
        Assert.NotEqual(expected.Select(e => e.Sequence), expected.Select(e => e.Sequence).Order());

        var walked = new List<AccountActivityLine>();
        AccountActivityPosition? after = null;
        while (true)
        {
            var page = await db.System.Ledger.AccountActivityAsync(fund, Account.Cash, after: after, maxLines: 2);
            walked.AddRange(page);
            if (page.Count < 2)
            {
                break;
            }

            after = AccountActivityPosition.Parse(AccountActivityPosition.Of(page[^1]).ToString(), "cursor");
        }

        Assert.Equal(expected.Select(e => (e.Date, e.Sequence, e.Line)), walked.Select(w => (w.Date, w.Sequence, w.LineNo)));
        Assert.Equal(Enumerable.Range(1, expected.Count).Select(i => (long)i), walked.Select(w => w.Row));
        var running = 0m;
        foreach (var (line, change) in walked.Zip(expected.Select(e => e.Change)))
        {
            running += change;
            Assert.Equal(running, line.Balance);
        }

        // From a date: the first line shown carries the balance brought forward, at its row in the whole activity.
        var from = new DateOnly(2024, 3, 15);
        var since = await db.System.Ledger.AccountActivityAsync(fund, Account.Cash, from: from);
        var first = walked.First(w => w.Date >= from);
        Assert.Equal(first, since[0]);
        Assert.Equal(walked.Where(w => w.Date >= from), since);

        // Up to a date as well: every line from one date to the other, and nothing dated after.
        var dates = walked.Where(w => w.Date >= from).Select(w => w.Date).Distinct().Order().ToList();
        var to = dates[dates.Count / 2];
        Assert.Contains(walked, w => w.Date > to);
        var within = await db.System.Ledger.AccountActivityAsync(fund, Account.Cash, from: from, to: to);
        Assert.Equal(walked.Where(w => w.Date >= from && w.Date <= to), within);
    }

    [Fact]
    public async Task A_posting_writes_the_journal_and_none_of_its_sums()
    {
        var fund = await _s.FundAsync();

        // A session of its own, so that no other transaction's counts are pending in it.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();

        // An entry straight into the journal (rolled back), as the fund's grain writes it.
        await using (var post = new NpgsqlBatch(connection, tx)
        {
            BatchCommands =
            {
                new("""
                    insert into journal_entries (fund_code, seq, entry_date, description, source_stream, source_version, source_event, command_id, actor, recorded_at, prev_hash, hash)
                    select $1, h.last_seq + 1, date '2024-06-01', 'No sums', 'test-stream', 1, 'Test', gen_random_uuid(), 'test', now(), h.last_hash, sha256('entry'::bytea)
                    from ledger_heads h where h.fund_code = $1
                    """) { Parameters = { new() { Value = fund.Value } } },
                new("""
                    insert into journal_lines (fund_code, seq, line_no, account, debit, credit, currency, original_amount)
                    select $1, h.last_seq, l.no, l.account, l.debit, l.credit, 'USD', 10
                    from ledger_heads h, (values (1, 1000, 10.00, 0.00), (2, 4000, 0.00, 10.00)) l (no, account, debit, credit)
                    where h.fund_code = $1
                    """) { Parameters = { new() { Value = fund.Value } } },
            },
        })
        {
            await post.ExecuteNonQueryAsync();
        }

        // This transaction's counts: the entry and its two lines, and not a row of the sums inserted or updated.
        await using var counts = new NpgsqlCommand("""
            select relname, n_tup_ins + n_tup_upd from pg_stat_xact_user_tables
            where relname in ('journal_entries', 'journal_lines', 'account_balances', 'account_days', 'stream_years')
            order by relname
            """, connection, tx);
        await using var reader = await counts.ExecuteReaderAsync();
        var written = new List<(string, long)>();
        while (await reader.ReadAsync())
        {
            written.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        Assert.Equal([("account_balances", 0L), ("account_days", 0L), ("journal_entries", 1L), ("journal_lines", 2L), ("stream_years", 0L)], written);
    }

    [Fact]
    public void A_cursor_not_given_by_a_page_is_refused_naming_its_field()
    {
        foreach (var cursor in new[] { "", "2024-03-01", "2024-03-01.x.1", "2024-13-01.1.1", "2024-03-01.-1.1", "1.2.3.4" })
        {
            Assert.Equal("cursor", Refusals.AssertRefused(BusinessRule.InvalidInput, () => AccountActivityPosition.Parse(cursor, "cursor")).Field);
        }
    }

    // Receipts recorded in an order their dates do not follow, so that the ledger's sequence and date orders differ.
    private async Task<FundManager.Funds.FundCode> PostedOutOfOrderAsync()
    {
        var fund = await _s.FundAsync();
        await ReceiveOutOfOrderAsync(fund, "Out of order");
        return fund;
    }

    private async Task ReceiveOutOfOrderAsync(FundManager.Funds.FundCode fund, string donorName)
    {
        var donor = await _s.DonorAsync(donorName, DonorType.Foundation, null);
        var dates = new DateOnly[] { new(2024, 3, 20), new(2024, 3, 1), new(2024, 4, 2), new(2024, 3, 15), new(2024, 3, 1), new(2024, 2, 29) };
        for (var i = 0; i < dates.Length; i++)
        {
            await db.System.Pledges.HandleAsync(
                new RecordUnpledgedReceipt(donor, fund.Value, $"OOO-{i}-{Guid.NewGuid():N}", ReceiptChannel.BankTransfer, dates[i], 1_000m + i, "USD"),
                Scenario.As(Scenario.Officer));
        }
    }

    private async Task AssertTrialBalancesFromLinesAsync(FundManager.Funds.FundCode fund)
    {
        foreach (var asOf in new DateOnly?[] { null, new(2024, 2, 29), new(2024, 3, 1), new(2024, 3, 15), new(2024, 5, 1), new(2023, 12, 31) })
        {
            var fromDays = await db.System.Ledger.TrialBalanceAsync(fund, asOf);
            var fromLines = await db.System.Ledger.TrialBalanceAsync(fund, asOf, long.MaxValue);
            Assert.Equal(fromLines.Rows, fromDays.Rows);
            Assert.True(fromDays.Balances);
        }
    }
}
