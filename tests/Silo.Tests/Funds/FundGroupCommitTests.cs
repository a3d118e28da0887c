using FundManager.Donors;
using FundManager.Persistence;
using FundManager.Pledges;
using FundManager.Tests.Infrastructure;
using Npgsql;

namespace FundManager.Tests.Funds;

/// <summary>
/// A fund's grain writes all of its entities' commands, those that post and those that do not, in its group commits:
/// pledges announced and receipts recorded for one fund while one of its groups commits go into its next transactions
/// together, and every one is written.
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

        // The fund's first posting waits on its ledger head, held here, so that the others arrive while a group is being
        // committed, as they do on a busy fund, however fast this machine commits one write alone.
        await using var holder = new NpgsqlConnection(db.ConnectionString);
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var lockHead = new NpgsqlCommand("select 1 from ledger_heads where fund_code = $1 for update", holder, hold))
        {
            lockHead.Parameters.Add(new() { Value = fund.Value });
            await lockHead.ExecuteNonQueryAsync();
        }

        var first = Receipt(0);
        await LockWaits.UntilAWriterWaitsAsync(db.ConnectionString, "The fund's first posting");
        var rest = announcements.Select(context => db.System.Pledges.HandleAsync(
                new AnnouncePledge(donor, fund.Value, "USD", 1_000m, [new PlannedInstalment(new DateOnly(2025, 12, 31), 1_000m)], new DateOnly(2025, 1, 10)), context))
            .Concat(Enumerable.Range(1, EachKind - 1).Select(Receipt))
            .ToList();

        // A second is ample for the commands to reach the fund's grain, which cannot write them before the head is free.
        await Task.Delay(TimeSpan.FromSeconds(1));
        await hold.RollbackAsync();
        await Task.WhenAll(rest.Append(first));

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

        Task<CommandResult> Receipt(int i) => db.System.Pledges.HandleAsync(
            new RecordUnpledgedReceipt(donor, fund.Value, $"GROUP-{i}", ReceiptChannel.BankTransfer, new DateOnly(2025, 3, 1), 100m, "USD"), receipts[i]);
    }
}
