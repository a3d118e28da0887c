using FundManager.Funds;
using FundManager.Ledger;
using FundManager.Persistence;
using FundManager.Pledges;
using FundManager.Tests.Infrastructure;
using Npgsql;

namespace FundManager.Tests.Cluster;

/// <summary>
/// Two activations of one grain, forced by running two clusters on one database (which Orleans, or a membership change,
/// can bring about briefly): the database refuses the stale activation's write, the stale activation leaves, and the
/// command sent again with the same id is carried out once by a fresh one.
/// </summary>
public sealed class TwoActivationTests
{
    private static readonly ManualClock Clock = new(new DateTimeOffset(2025, 6, 30, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_database_refuses_a_stale_fund_grain_and_nothing_is_posted_twice()
    {
        var database = await TestServer.CreateDatabaseAsync();
        await using var first = await TestCluster.StartAsync(database, 1, Clock);
        await using var second = await TestCluster.StartAsync(database, 1, Clock);
        var s = new Scenario(first.System);
        var fund = await s.FundAsync();
        var pledge = await s.SignedPledgeAsync(fund, "EUR", [(new DateOnly(2025, 3, 31), 9_000m)]);

        // Both clusters activate the fund's and the pledge's grains, and take turns: each turn meets what the other wrote.
        var receipts = new List<CommandContext>();
        foreach (var system in new[] { first.System, second.System, first.System, second.System, first.System })
        {
            var context = CommandContext.By(Scenario.Officer);
            receipts.Add(context);
            await system.Pledges.HandleAsync(new RecordReceipt(pledge, "R-" + context.Id, ReceiptChannel.BankTransfer, new DateOnly(2025, 6, 1), 1_000m, "EUR"), context);
        }

        // A write straight to the first cluster's fund grain, chained on the head it holds, is refused: the second
        // cluster has posted since.
        var head = await first.System.Ledger.HeadAsync(fund);
        await second.System.Pledges.HandleAsync(
            new RecordReceipt(pledge, "R-second-" + Guid.NewGuid(), ReceiptChannel.BankTransfer, new DateOnly(2025, 6, 2), 1_000m, "EUR"), CommandContext.By(Scenario.Officer));
        var stale = await first.Grains.GetGrain<IFundGrain>(fund.Value).PostAsync(Posting(fund, head.Sequence));
        Assert.Equal(WriteStatus.FundStale, stale.Status);

        // Every receipt once, none twice, the chain unbroken; sending one again only replays it.
        var replay = await first.System.Pledges.HandleAsync(
            new RecordReceipt(pledge, "R-" + receipts[0].Id, ReceiptChannel.BankTransfer, new DateOnly(2025, 6, 1), 1_000m, "EUR"), receipts[0]);
        Assert.True(replay.Replayed);
        Assert.Equal(6_000m, (await s.PledgeAsync(pledge)).Paid.Amount);
        Assert.Equal(6L, await ScalarAsync(database, "select count(*) from journal_entries where source_event = 'ReceiptRecorded'"));
        Assert.Equal(0L, await ScalarAsync(database, "select count(*) from (select command_id from journal_entries group by command_id, source_stream, source_version having count(*) > 1) twice"));
        Assert.True((await first.System.Ledger.VerifyAsync(fund)).Intact);
        var events = await first.System.Entities.HistoryAsync(StreamId.For(new PledgeId(pledge)));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(v => (long)v), events.Select(e => e.Version));
    }

    // A valid posting of 0.01 between two accounts of the fund, as a grain that believes the head is at `sequence` sends it.
    private static CommandWrite Posting(FundCode fund, long sequence)
    {
        var entry = new JournalEntryDraft(fund, new DateOnly(2025, 6, 3), $"Test posting after entry {sequence}", [
            JournalLine.Dr(Account.Cash, Money.Usd(0.01m)), JournalLine.Cr(Account.ContributionRevenue, Money.Usd(0.01m))]);
        var command = new CommandRecord(CommandId.New(), "TestPosting", [1], new CommandResult("fund/" + fund.Value, 1), new UserId("test"), Clock.GetUtcNow(), null);
        return new CommandWrite(command, null, [new PostingDraft(entry, "fund/" + fund.Value, 1, "FundCreated")], [], [], fund, null);
    }

    private static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
