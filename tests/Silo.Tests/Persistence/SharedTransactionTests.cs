using FundManager.Donors;
using FundManager.Entities;
using FundManager.Persistence;
using FundManager.Tests.Infrastructure;
using Npgsql;

namespace FundManager.Tests.Persistence;

/// <summary>
/// Commands that post nothing, sent at once to many grains, share transactions; one the database refuses (its command id
/// taken by another in the same transaction) is answered alone, and every other one is written.
/// </summary>
public sealed class SharedTransactionTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private const int Pairs = 40;

    [Fact]
    public async Task Concurrent_commands_share_transactions_and_one_refused_is_answered_alone()
    {
        // Each pair: two donors (two grains) registered under one command id; the id can be logged once only.
        var pairs = Enumerable.Range(0, Pairs).Select(i => (Context: Scenario.As("admin@test.org"), First: Guid.NewGuid(), Second: Guid.NewGuid(), Name: $"Shared {i}")).ToList();

        // A first command waits on its command id, held here, so that the pairs arrive while a transaction is being
        // committed, as they do on a busy silo, however fast this machine commits one write alone.
        var first = Scenario.As("admin@test.org");
        await using var holder = new NpgsqlConnection(db.ConnectionString);
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var holdId = new NpgsqlCommand(
            "insert into commands (command_id, kind, body_hash, result, actor, recorded_at) values ($1, 'Held', '\\x00', '{}', 'test', now())", holder, hold))
        {
            holdId.Parameters.Add(new() { Value = first.Id.Value });
            await holdId.ExecuteNonQueryAsync();
        }

        var firstSent = db.System.Donors.HandleAsync(new RegisterDonor("First of the silo", DonorType.Foundation), first);
        await LockWaits.UntilAWriterWaitsAsync(db.ConnectionString, "The first command");
        var sends = pairs.SelectMany(p => new[]
        {
            Outcome(db.System.Donors.HandleAsync(new RegisterDonor(p.Name + " A", DonorType.Foundation, Id: p.First), p.Context)),
            Outcome(db.System.Donors.HandleAsync(new RegisterDonor(p.Name + " B", DonorType.Foundation, Id: p.Second), p.Context)),
        }).ToList();

        // A second is ample for the pairs to reach the silo's writer, which cannot write them before the first is written.
        await Task.Delay(TimeSpan.FromSeconds(1));
        await hold.RollbackAsync();
        await firstSent;
        var outcomes = await Task.WhenAll(sends);

        var registered = (await db.System.Entities.AllAsync<Donor, DonorEvent>(EntityKind.Donor)).Where(d => d.Name.StartsWith("Shared ", StringComparison.Ordinal)).ToList();
        Assert.Equal(Pairs, registered.Count);
        foreach (var pair in pairs)
        {
            Assert.Single(registered, d => d.Name.StartsWith(pair.Name + " ", StringComparison.Ordinal));
        }

        Assert.Equal(Pairs, outcomes.Count(o => o is null));
        Assert.All(outcomes.OfType<RuleViolation>(), v => Assert.Equal(BusinessRule.CommandIdReused, v.Rule));

        // Fewer transactions than commands: rows written by one transaction carry its id.
        var transactions = await TransactionsAsync(registered.Select(d => StreamId.For(d.Id).ToString()).ToArray());
        Assert.InRange(transactions, 1, Pairs - 1);
    }

    private static async Task<RuleViolation?> Outcome(Task<CommandResult> send)
    {
        try
        {
            await send;
            return null;
        }
        catch (RuleViolation violation)
        {
            return violation;
        }
    }

    private async Task<long> TransactionsAsync(string[] streams)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("select count(distinct xmin::text) from streams where id = any($1)", connection);
        cmd.Parameters.Add(new() { Value = streams });
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
