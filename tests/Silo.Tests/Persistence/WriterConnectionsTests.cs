using System.Data;
using FundManager.Persistence;
using FundManager.Tests.Infrastructure;
using Npgsql;

namespace FundManager.Tests.Persistence;

/// <summary>
/// The connections the group-commit loops write through: the one returned last is handed out first, so a loop keeps
/// its server process; one idle too long, or one that failed, is never handed out.
/// </summary>
public sealed class WriterConnectionsTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task The_connection_returned_last_is_handed_out_first()
    {
        await using var dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        using var connections = new WriterConnections(dataSource);
        var first = await connections.RentAsync(CancellationToken.None);
        var second = await connections.RentAsync(CancellationToken.None);
        connections.Return(first);
        connections.Return(second);

        var again = await connections.RentAsync(CancellationToken.None);
        var then = await connections.RentAsync(CancellationToken.None);

        Assert.Same(second, again);
        Assert.Same(first, then);
        Assert.Equal(second.ProcessID, await BackendAsync(again));
    }

    [Fact]
    public async Task A_connection_idle_longer_than_allowed_is_closed_and_a_new_one_handed_out()
    {
        var clock = new ManualClock(new DateTimeOffset(2025, 6, 30, 12, 0, 0, TimeSpan.Zero));
        await using var dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        using var connections = new WriterConnections(dataSource, clock);
        var idle = await connections.RentAsync(CancellationToken.None);
        connections.Return(idle);
        clock.Now += WriterConnections.MaxIdle + TimeSpan.FromSeconds(1);

        var rented = await connections.RentAsync(CancellationToken.None);

        Assert.NotSame(idle, rented);
        Assert.Equal(ConnectionState.Closed, idle.State);
        Assert.Equal(rented.ProcessID, await BackendAsync(rented));
    }

    [Fact]
    public async Task A_connection_whose_server_process_ended_is_not_handed_out_again()
    {
        await using var dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        using var connections = new WriterConnections(dataSource);
        var failed = await connections.RentAsync(CancellationToken.None);
        await TerminateAsync(failed.ProcessID);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => BackendAsync(failed));
        connections.Return(failed);

        var rented = await connections.RentAsync(CancellationToken.None);

        Assert.NotSame(failed, rented);
        Assert.Equal(rented.ProcessID, await BackendAsync(rented));
    }

    [Fact]
    public async Task Disposing_closes_the_idle_connections_and_any_returned_later()
    {
        await using var dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        var connections = new WriterConnections(dataSource);
        var idle = await connections.RentAsync(CancellationToken.None);
        var busy = await connections.RentAsync(CancellationToken.None);
        connections.Return(idle);

        connections.Dispose();
        connections.Return(busy);

        Assert.Equal(ConnectionState.Closed, idle.State);
        Assert.Equal(ConnectionState.Closed, busy.State);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => connections.RentAsync(CancellationToken.None).AsTask());
    }

    // The server process the connection talks to, as the server sees it.
    private static async Task<int> BackendAsync(NpgsqlConnection connection)
    {
        await using var cmd = new NpgsqlCommand("select pg_backend_pid()", connection);
        return (int)(await cmd.ExecuteScalarAsync())!;
    }

    private async Task TerminateAsync(int pid)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("select pg_terminate_backend($1)", connection);
        cmd.Parameters.Add(new() { Value = pid });
        Assert.True((bool)(await cmd.ExecuteScalarAsync())!);

        // The process has ended once the server no longer lists it.
        for (var waited = 0; waited < 100; waited++)
        {
            await using var listed = new NpgsqlCommand("select count(*) from pg_stat_activity where pid = $1", connection);
            listed.Parameters.Add(new() { Value = pid });
            if ((long)(await listed.ExecuteScalarAsync())! == 0)
            {
                return;
            }

            await Task.Delay(20);
        }
    }
}
