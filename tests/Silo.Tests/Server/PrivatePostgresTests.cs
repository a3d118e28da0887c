using FundManager.Api.Database;
using Npgsql;

namespace FundManager.Tests.Server;

/// <summary>The private server: created from the machine's binaries on first use, reused while it runs, stopped on request.</summary>
public sealed class PrivatePostgresTests : IDisposable
{
    private readonly string _root = Path.Combine(DatabaseLocation.PrivateServerDirectory("scratch"), Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Starts_on_first_use_is_reused_and_stops()
    {
        var server = new PrivatePostgres(_root, ["fsync=off"]);
        var connection = await server.EnsureStartedAsync("demo_db");
        await using (var db = new NpgsqlConnection(connection))
        {
            await db.OpenAsync();
            await using var cmd = new NpgsqlCommand("select current_database()", db);
            Assert.Equal("demo_db", await cmd.ExecuteScalarAsync());
        }

        var again = await new PrivatePostgres(_root).EnsureStartedAsync("demo_db");
        Assert.Equal(connection, again);
        Assert.Contains("Host=127.0.0.1", connection, StringComparison.Ordinal);

        NpgsqlConnection.ClearAllPools();
        Assert.True(await server.StopAsync());
        Assert.False(await server.StopAsync());
        await Assert.ThrowsAsync<NpgsqlException>(async () =>
        {
            await using var db = new NpgsqlConnection(connection);
            await db.OpenAsync();
        });
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            // The cluster may belong to the postgres user; removing it is best effort.
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
