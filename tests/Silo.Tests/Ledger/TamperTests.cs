using FundManager.Tests.Infrastructure;
using Npgsql;

namespace FundManager.Tests.Ledger;

/// <summary>
/// The journal cannot be changed through the database's front door, and a change made behind the
/// program's back (triggers disabled) is caught by <c>fundmanager ledger verify</c>, which names the entry.
/// </summary>
public sealed class TamperTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [InlineData("update journal_entries set description = 'edited'")]
    [InlineData("delete from journal_entries")]
    [InlineData("update journal_lines set debit = debit + 1 where debit > 0")]
    [InlineData("delete from journal_lines")]
    [InlineData("truncate journal_lines cascade")]
    [InlineData("update events set actor = 'someone else'")]
    [InlineData("delete from events")]
    [InlineData("delete from commands")]
    [InlineData("update exchange_rates set units_per_usd = 1")]
    public async Task The_database_refuses_changes_to_history(string sql)
    {
        var s = new Scenario(db.System);
        var fund = await s.FundAsync();
        await s.CashAsync(fund, 1_000m);
        var before = await db.System.Ledger.TrialBalanceAsync(fund);

        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        var refusal = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());

        Assert.Contains("append-only", refusal.MessageText, StringComparison.Ordinal);
        Assert.Equal(before.Rows, (await db.System.Ledger.TrialBalanceAsync(fund)).Rows);
    }

    [Fact]
    public async Task An_unbalanced_entry_is_refused_by_the_database_itself()
    {
        var s = new Scenario(db.System);
        var fund = await s.FundAsync();
        await s.CashAsync(fund, 1_000m);
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using (var entry = new NpgsqlCommand("""
            insert into journal_entries (fund_code, seq, entry_date, description, source_stream, source_version, source_event, command_id, actor, recorded_at, prev_hash, hash)
            select fund_code, last_seq + 1, date '2025-01-01', 'forged', 'x/y', 1, 'Forged', gen_random_uuid(), 'mallory', now(), last_hash, decode(repeat('11', 32), 'hex')
            from ledger_heads where fund_code = $1
            """, connection, tx))
        {
            entry.Parameters.Add(new() { Value = fund.Value });
            Assert.Equal(1, await entry.ExecuteNonQueryAsync());
        }

        await using var cmd = new NpgsqlCommand("""
            insert into journal_lines (fund_code, seq, line_no, account, debit, credit, currency, original_amount)
            select fund_code, last_seq, 1, 1000, 500, 0, 'USD', 500 from ledger_heads where fund_code = $1
            """, connection, tx);
        cmd.Parameters.Add(new() { Value = fund.Value });
        await cmd.ExecuteNonQueryAsync();

        var refusal = await Assert.ThrowsAsync<PostgresException>(() => tx.CommitAsync());
        Assert.Contains("unbalanced", refusal.MessageText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("last_seq + 2", "last_hash", "gapless sequence")]
    [InlineData("last_seq", "last_hash", "gapless sequence")]
    [InlineData("last_seq + 1", "decode(repeat('22', 32), 'hex')", "does not chain to the previous hash")]
    public async Task An_entry_that_does_not_follow_the_chain_head_is_refused_and_the_head_stays(string seq, string previousHash, string reason)
    {
        var s = new Scenario(db.System);
        var fund = await s.FundAsync();
        await s.CashAsync(fund, 1_000m);
        var head = await db.System.Ledger.HeadAsync(fund);
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand($"""
            insert into journal_entries (fund_code, seq, entry_date, description, source_stream, source_version, source_event, command_id, actor, recorded_at, prev_hash, hash)
            select fund_code, {seq}, date '2025-01-01', 'forged', 'x/y', 1, 'Forged', gen_random_uuid(), 'mallory', now(), {previousHash}, decode(repeat('11', 32), 'hex')
            from ledger_heads where fund_code = $1
            """, connection);
        cmd.Parameters.Add(new() { Value = fund.Value });

        var refusal = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());

        Assert.Equal(("journal_follows_head", true), (refusal.ConstraintName, refusal.MessageText.Contains(reason, StringComparison.Ordinal)));
        var after = await db.System.Ledger.HeadAsync(fund);
        Assert.Equal((head.Sequence, head.HashHex), (after.Sequence, after.HashHex));
    }

    [Theory]
    [InlineData("journal_entries", "update journal_entries set description = 'edited' where fund_code = $1 and seq = $2")]
    [InlineData("journal_lines", "update journal_lines set memo = 'edited' where fund_code = $1 and seq = $2 and line_no = 1")]
    [InlineData("journal_entries", "update journal_entries set entry_date = entry_date - 1 where fund_code = $1 and seq = $2")]
    public async Task Verify_names_the_entry_changed_behind_the_programs_back(string table, string tamper)
    {
        var s = new Scenario(db.System);
        var fund = await s.FundAsync();
        await s.CashAsync(fund, 5_000m);
        await s.CashAsync(fund, 7_000m);
        await s.CashAsync(fund, 9_000m);
        var intact = await ProgramRunner.FundManagerAsync("ledger", "verify", "--fund", fund.Value, "--database", db.ConnectionString);
        Assert.Equal(0, intact.ExitCode);
        var head = await db.System.Ledger.HeadAsync(fund);
        Assert.Equal(["intact", $"{fund.Value} head {head.Sequence} {head.HashHex}"], intact.Stdout.Trim().Split('\n', StringSplitOptions.TrimEntries));

        // Entry 3 of 6 (each cash receipt posts a signature and a receipt).
        await using (var connection = new NpgsqlConnection(db.ConnectionString))
        {
            await connection.OpenAsync();
            await Execute(connection, $"alter table {table} disable trigger user");
            await using (var cmd = new NpgsqlCommand(tamper, connection))
            {
                cmd.Parameters.Add(new() { Value = fund.Value });
                cmd.Parameters.Add(new() { Value = 3L });
                Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
            }

            await Execute(connection, $"alter table {table} enable trigger user");
        }

        var broken = await ProgramRunner.FundManagerAsync("ledger", "verify", "--fund", fund.Value, "--database", db.ConnectionString);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains($"fund {fund.Value} entry 3:", broken.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_notices_a_removed_last_entry()
    {
        var s = new Scenario(db.System);
        var fund = await s.FundAsync();
        await s.CashAsync(fund, 5_000m);
        await using (var connection = new NpgsqlConnection(db.ConnectionString))
        {
            await connection.OpenAsync();
            await Execute(connection, "alter table journal_lines disable trigger user; alter table journal_entries disable trigger user");
            await Execute(connection, $"delete from journal_lines where fund_code = '{fund.Value}' and seq = 2; delete from journal_entries where fund_code = '{fund.Value}' and seq = 2");
            await Execute(connection, "alter table journal_lines enable trigger user; alter table journal_entries enable trigger user");
        }

        var result = await db.System.Ledger.VerifyAsync(fund);
        Assert.False(result.Intact);
        Assert.Equal(2, result.BrokenSequence);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}
