using FundManager.Entities;
using FundManager.Pledges;
using FundManager.Tests.Infrastructure;
using Npgsql;

namespace FundManager.Tests.Persistence;

/// <summary>
/// The database's own guard on the event history (migration 0006): an event must follow its stream's last, so that a
/// stale grain activation, or anything else, cannot append behind or past the stream, whatever the program does.
/// </summary>
public sealed class EventVersionTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [InlineData(0, "events_pkey")]
    [InlineData(-1, "events_pkey")]
    [InlineData(2, "events_follow_stream")]
    [InlineData(5, "events_follow_stream")]
    public async Task An_event_that_does_not_follow_its_streams_last_is_refused(int afterLast, string constraint)
    {
        await using var connection = await OpenAsync();
        var (stream, last) = await PledgeStreamAsync(connection);

        var refusal = await Assert.ThrowsAsync<PostgresException>(() => AppendAsync(connection, stream, last + afterLast));

        Assert.Equal(constraint, refusal.ConstraintName);
        Assert.Equal(last, await LastVersionAsync(connection, stream));
    }

    [Fact]
    public async Task The_first_event_of_a_stream_that_does_not_exist_is_refused()
    {
        await using var connection = await OpenAsync();
        var stream = StreamId.For(new PledgeId(Guid.NewGuid())).ToString();

        var refusal = await Assert.ThrowsAsync<PostgresException>(() => AppendAsync(connection, stream, 1));

        Assert.Equal("events_stream_id_fkey", refusal.ConstraintName);
        Assert.Equal(0, await LastVersionAsync(connection, stream));
    }

    [Fact]
    public async Task The_event_after_the_streams_last_is_written()
    {
        await using var connection = await OpenAsync();
        var (stream, last) = await PledgeStreamAsync(connection);

        // In a transaction rolled back afterwards: the pledge's grain is not to meet an event it did not write.
        await using var tx = await connection.BeginTransactionAsync();
        await AppendAsync(connection, stream, last + 1, tx);

        Assert.Equal(last + 1, await LastVersionAsync(connection, stream, tx));
        await tx.RollbackAsync();
    }

    // A pledge with a receipt: a stream of a few events, its last one's version returned.
    private async Task<(string Stream, long Last)> PledgeStreamAsync(NpgsqlConnection connection)
    {
        var s = new Scenario(db.System);
        var fund = await s.FundAsync();
        var pledge = await s.SignedPledgeAsync(fund, "EUR", [(new DateOnly(2025, 3, 1), 100m)]);
        await db.System.Pledges.HandleAsync(
            new RecordReceipt(pledge, "EV-" + Guid.NewGuid().ToString("N"), ReceiptChannel.BankTransfer, new DateOnly(2025, 3, 2), 100m, "EUR"),
            Scenario.As(Scenario.Officer));
        var stream = StreamId.For(new PledgeId(pledge)).ToString();
        return (stream, await LastVersionAsync(connection, stream));
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task AppendAsync(NpgsqlConnection connection, string stream, long version, NpgsqlTransaction? tx = null)
    {
        await using var cmd = new NpgsqlCommand("""
            insert into events (stream_id, version, type, data, actor, recorded_at, command_id)
            values ($1, $2, 'ReceiptRecorded', '{}', 'mallory', now(), gen_random_uuid())
            """, connection, tx);
        cmd.Parameters.Add(new() { Value = stream });
        cmd.Parameters.Add(new() { Value = version });
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<long> LastVersionAsync(NpgsqlConnection connection, string stream, NpgsqlTransaction? tx = null)
    {
        await using var cmd = new NpgsqlCommand("select coalesce(max(version), 0) from events where stream_id = $1", connection, tx);
        cmd.Parameters.Add(new() { Value = stream });
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
