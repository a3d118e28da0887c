using FundManager.Donors;
using FundManager.Pledges;
using FundManager.Tests.Infrastructure;
using Npgsql;

namespace FundManager.Tests.Funds;

/// <summary>
/// A fund's grain writes all of its entities' commands, those that post and those that do not, in its group commits:
/// sent at once, pledges announced and receipts recorded for one fund share transactions, and every one is written.
/// </summary>
public sealed class FundGroupCommitTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private const int EachKind = 30;

    [Fact]
    public async Task A_funds_commands_that_post_and_that_do_not_share_its_transactions()
    {
        var s = new Scenario(db.System);
        var fund = await s.FundAsync();
        var donor = await s.DonorAsync("Group donor", DonorType.Foundation, null);
        var announcements = Enumerable.Range(0, EachKind).Select(_ => Scenario.As("officer@test.org")).ToList();
        var receipts = Enumerable.Range(0, EachKind).Select(_ => Scenario.As("officer@test.org")).ToList();

        await Task.WhenAll(announcements.Select(context => db.System.Pledges.HandleAsync(
            new AnnouncePledge(donor, fund.Value, "USD", 1_000m, [new PlannedInstalment(new DateOnly(2025, 12, 31), 1_000m)], new DateOnly(2025, 1, 10)), context))
            .Concat(receipts.Select((context, i) => db.System.Pledges.HandleAsync(
                new RecordUnpledgedReceipt(donor, fund.Value, $"GROUP-{i}", ReceiptChannel.BankTransfer, new DateOnly(2025, 3, 1), 100m, "USD"), context))));

        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            select count(*) filter (where kind = 'AnnouncePledge'), count(*) filter (where kind = 'RecordUnpledgedReceipt'),
                   count(distinct xmin::text),
                   (select count(*) from (
                       select 1 from commands where command_id = any($1) group by xmin::text
                       having bool_or(kind = 'AnnouncePledge') and bool_or(kind = 'RecordUnpledgedReceipt')) mixed)
            from commands where command_id = any($1)
            """, connection);
        cmd.Parameters.Add(new() { Value = announcements.Concat(receipts).Select(c => c.Id.Value).ToArray() });
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();

        Assert.Equal(EachKind, reader.GetInt64(0));
        Assert.Equal(EachKind, reader.GetInt64(1));
        Assert.InRange(reader.GetInt64(2), 1, (2 * EachKind) - 1);
        Assert.True(reader.GetInt64(3) >= 1, "No transaction held both an announced pledge and a receipt.");
    }
}
