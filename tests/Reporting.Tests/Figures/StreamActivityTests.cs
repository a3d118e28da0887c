using System.Globalization;
using FundManager.Funds;
using FundManager.Ledger;
using Npgsql;

namespace FundManager.Reporting.Tests.Figures;

/// <summary>
/// The reports attribute the ledger to entities through <see cref="LedgerQueries.StreamActivityAsync"/>, which sums whole
/// years from <c>stream_years</c> (refreshed at the end of the demo load) and reads lines only for a year the period
/// cuts: it must give exactly what summing every journal line gives, for periods on and off the years' bounds.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class StreamActivityTests(DemoFixture demo)
{
    [Theory]
    [InlineData("VFTC", "0001-01-01", "2025-12-31")]
    [InlineData("UPR-VFTA", "2024-01-01", "2024-12-31")]
    [InlineData("UPR-VFP", "2023-03-15", "2025-06-30")]
    [InlineData("VFTC", "2025-02-01", "2025-02-28")]
    [InlineData("UPR-VFTA", "0001-01-01", "2026-05-17")]
    [InlineData("UPR-VFP", "2022-01-01", "2026-12-31")]
    public async Task Activity_from_the_years_equals_activity_summed_from_every_line(string fund, string from, string to)
    {
        var (start, end) = (DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture));

        var activity = await demo.System.Ledger.StreamActivityAsync(FundCode.Parse(fund), start, end);
        var expected = await FromEveryLineAsync(demo.System, fund, start, end);

        Assert.True(expected.Count > 10, $"only {expected.Count} rows to compare");
        Assert.Equal(expected, activity.OrderBy(Key, StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Only_the_years_a_period_starts_or_ends_within_are_read_line_by_line()
    {
        Assert.Empty(LedgerQueries.CutYears(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)));
        Assert.Empty(LedgerQueries.CutYears(DateOnly.MinValue, new DateOnly(2024, 12, 31)));
        Assert.Equal([2026], LedgerQueries.CutYears(DateOnly.MinValue, new DateOnly(2026, 5, 17)));
        Assert.Equal([2023, 2025], LedgerQueries.CutYears(new DateOnly(2023, 3, 15), new DateOnly(2025, 6, 30)));
        Assert.Equal([2025], LedgerQueries.CutYears(new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 28)));
    }

    internal static string Key(StreamActivity a) => $"{a.SourceStream}|{(int)a.Account:D4}|{a.Currency}";

    /// <summary>The same figures as one aggregate over every journal line, independently of stream_years.</summary>
    internal static async Task<List<StreamActivity>> FromEveryLineAsync(FundSystem system, string fund, DateOnly from, DateOnly to)
    {
        await using var connection = await system.DataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("""
            select e.source_stream, l.account, l.currency,
                   coalesce(sum(l.debit) filter (where e.entry_date >= $2), 0), coalesce(sum(l.credit) filter (where e.entry_date >= $2), 0),
                   sum(l.debit), sum(l.credit),
                   coalesce(sum(l.original_amount) filter (where e.entry_date >= $2 and l.debit > 0), 0),
                   coalesce(sum(l.original_amount) filter (where l.debit > 0), 0),
                   min(e.entry_date) filter (where e.entry_date >= $2), max(e.entry_date) filter (where e.entry_date >= $2),
                   min(e.entry_date), max(e.entry_date)
            from journal_lines l join journal_entries e on e.fund_code = l.fund_code and e.seq = l.seq
            where l.fund_code = $1 and e.entry_date <= $3
            group by e.source_stream, l.account, l.currency
            """, connection);
        cmd.Parameters.Add(new() { Value = fund });
        cmd.Parameters.Add(new() { Value = from });
        cmd.Parameters.Add(new() { Value = to });
        var rows = new List<StreamActivity>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new StreamActivity(
                reader.GetString(0), (Account)reader.GetInt32(1), reader.GetString(2).Trim(), reader.GetDecimal(3), reader.GetDecimal(4), reader.GetDecimal(5),
                reader.GetDecimal(6), reader.GetDecimal(7), reader.GetDecimal(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateOnly>(9), reader.IsDBNull(10) ? null : reader.GetFieldValue<DateOnly>(10),
                reader.GetFieldValue<DateOnly>(11), reader.GetFieldValue<DateOnly>(12)));
        }

        return rows.OrderBy(Key, StringComparer.Ordinal).ToList();
    }
}
