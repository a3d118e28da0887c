using FundManager.Donors;
using FundManager.Ledger;
using FundManager.Pledges;
using FundManager.Tests.Infrastructure;
using Npgsql;

namespace FundManager.Tests.Ledger;

/// <summary>
/// Each account's days (<c>account_days</c>), kept by the journal's trigger, against the journal lines themselves: the
/// trial balance as of any date, and an account's activity walked a page at a time in date order, with entries posted
/// out of date order.
/// </summary>
public sealed class AccountDaysTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly Scenario _s = new(db.System);

    [Fact]
    public async Task The_trial_balance_from_the_days_is_the_one_summed_from_the_lines_as_of_every_date()
    {
        var fund = await PostedOutOfOrderAsync();

        foreach (var asOf in new DateOnly?[] { null, new(2024, 2, 29), new(2024, 3, 1), new(2024, 3, 15), new(2024, 5, 1), new(2023, 12, 31) })
        {
            var fromDays = await db.System.Ledger.TrialBalanceAsync(fund, asOf);
            var fromLines = await db.System.Ledger.TrialBalanceAsync(fund, asOf, long.MaxValue);
            Assert.Equal(fromLines.Rows, fromDays.Rows);
            Assert.True(fromDays.Balances);
        }

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

    [Fact]
    public async Task An_accounts_activity_walked_two_lines_a_page_is_in_date_order_with_every_row_and_running_balance()
    {
        var fund = await PostedOutOfOrderAsync();

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
        var donor = await _s.DonorAsync("Out of order", DonorType.Foundation, null);
        var dates = new DateOnly[] { new(2024, 3, 20), new(2024, 3, 1), new(2024, 4, 2), new(2024, 3, 15), new(2024, 3, 1), new(2024, 2, 29) };
        for (var i = 0; i < dates.Length; i++)
        {
            await db.System.Pledges.HandleAsync(
                new RecordUnpledgedReceipt(donor, fund.Value, $"OOO-{i}-{Guid.NewGuid():N}", ReceiptChannel.BankTransfer, dates[i], 1_000m + i, "USD"),
                Scenario.As(Scenario.Officer));
        }

        return fund;
    }
}
