using System.Globalization;
using System.Text.Json;
using FundManager.Tests.Infrastructure;

namespace FundManager.Tests.Cli;

/// <summary>The <c>fundmanager</c> verbs, run as the real program against a real database.</summary>
public sealed class LedgerVerbTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Trial_balance_in_every_format_matches_the_ledger_and_totals_balance()
    {
        var s = new Scenario(db.System);
        var fund = await s.FundAsync();
        await s.CashAsync(fund, 250_000m);
        await s.SignedPledgeAsync(fund, "EUR", [(new DateOnly(2024, 3, 31), 90_000m), (new DateOnly(2025, 3, 31), 90_000m)]);
        var expected = await db.System.Ledger.TrialBalanceAsync(fund);

        var csv = await ProgramRunner.FundManagerAsync("ledger", "trial-balance", "--fund", fund.Value, "--format", "csv", "--database", db.ConnectionString);
        Assert.Equal(0, csv.ExitCode);
        var rows = csv.Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("account,name,debit,credit,balance", rows[0]);
        Assert.Equal(expected.Rows.Count + 2, rows.Length);
        var cashRow = rows.Single(r => r.StartsWith("1000,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(expected.BalanceOf(global::FundManager.Ledger.Account.Cash), decimal.Parse(cashRow[4], CultureInfo.InvariantCulture));
        var total = rows[^1].Split(',');
        Assert.Equal(total[2], total[3]);
        Assert.Equal(expected.TotalDebit, decimal.Parse(total[2], CultureInfo.InvariantCulture));

        var json = await ProgramRunner.FundManagerAsync("ledger", "trial-balance", "--fund", fund.Value, "--format", "json", "--database", db.ConnectionString);
        using var document = JsonDocument.Parse(json.Stdout);
        Assert.Equal(fund.Value, document.RootElement.GetProperty("fund").GetString());
        Assert.Equal(expected.TotalCredit, document.RootElement.GetProperty("total").GetProperty("credit").GetDecimal());
        Assert.Equal(expected.Rows.Count, document.RootElement.GetProperty("rows").GetArrayLength());

        var table = await ProgramRunner.FundManagerAsync("ledger", "trial-balance", "--fund", fund.Value, "--database", db.ConnectionString);
        Assert.Contains("Voluntary contribution revenue", table.Stdout, StringComparison.Ordinal);
        Assert.Contains(expected.TotalDebit.ToString("N2", CultureInfo.InvariantCulture), table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trial_balance_as_of_a_date_leaves_out_later_entries()
    {
        var s = new Scenario(db.System);
        var fund = await s.FundAsync();
        await s.SignedPledgeAsync(fund, "USD", [(new DateOnly(2024, 3, 31), 1_000m)], signedOn: new DateOnly(2024, 2, 1));
        await s.SignedPledgeAsync(fund, "USD", [(new DateOnly(2025, 3, 31), 2_000m)], signedOn: new DateOnly(2025, 2, 1));

        var outcome = await ProgramRunner.FundManagerAsync("ledger", "trial-balance", "--fund", fund.Value, "--as-of", "2024-12-31", "--format", "json", "--database", db.ConnectionString);

        using var document = JsonDocument.Parse(outcome.Stdout);
        Assert.Equal(1_000m, document.RootElement.GetProperty("total").GetProperty("debit").GetDecimal());
    }

    [Theory]
    [InlineData("ledger trial-balance --fund NOPE-FUND", "There is no fund NOPE-FUND")]
    [InlineData("ledger trial-balance --fund !bad", "A fund code is")]
    [InlineData("ledger trial-balance --fund VFTC --as-of 31/12/2025", "--as-of must be a date")]
    [InlineData("ledger verify --fund NOPE-FUND", "There is no fund NOPE-FUND")]
    public async Task Bad_input_gets_a_message_and_a_non_zero_exit(string arguments, string message)
    {
        var outcome = await ProgramRunner.FundManagerAsync([.. arguments.Split(' '), "--database", db.ConnectionString]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(message, outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_format_is_refused_by_the_parser()
    {
        var outcome = await ProgramRunner.FundManagerAsync("ledger", "trial-balance", "--fund", "VFTC", "--format", "xml", "--database", db.ConnectionString);
        Assert.NotEqual(0, outcome.ExitCode);
    }

    [Fact]
    public async Task Migrate_is_safe_to_run_twice()
    {
        var first = await ProgramRunner.FundManagerAsync("migrate", "--database", db.ConnectionString);
        var second = await ProgramRunner.FundManagerAsync("migrate", "--database", db.ConnectionString);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("up to date", second.Stdout, StringComparison.Ordinal);
    }
}
