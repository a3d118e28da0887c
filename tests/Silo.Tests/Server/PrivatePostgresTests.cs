using System.Diagnostics;
using FundManager.Api.Database;
using Npgsql;

namespace FundManager.Tests.Server;

/// <summary>
/// The private server: created from the machine's binaries on first use, reused while it runs, stopped on request, or
/// asked to stop by a process on its way out.
/// </summary>
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

    [Fact]
    public async Task A_stop_asked_for_ends_the_server_without_waiting_for_it()
    {
        var server = new PrivatePostgres(_root, ["fsync=off"]);
        var connection = await server.EnsureStartedAsync("demo_db");
        using var postmaster = Process.GetProcessById(await PostmasterOfAsync(connection));

        server.RequestStop();

        Assert.True(postmaster.WaitForExit(TimeSpan.FromSeconds(30)), "The server did not stop.");
        Assert.False(await server.StopAsync());
    }

    [Fact]
    public async Task A_stop_asked_for_spares_another_program_named_by_a_stale_pid_file()
    {
        // With no server yet, asking for a stop signals nothing; it only settles where the server's files go.
        var server = new PrivatePostgres(_root);
        server.RequestStop();
        using var other = Process.Start(new ProcessStartInfo("sleep", ["60"]) { UseShellExecute = false })!;
        try
        {
            var data = Path.Combine(ServerRoot(), "data");
            Directory.CreateDirectory(data);
            await File.WriteAllTextAsync(Path.Combine(data, "postmaster.pid"), $"{other.Id}\n{data}\n");

            server.RequestStop();

            // An interrupt would end it at once.
            Assert.False(other.WaitForExit(TimeSpan.FromSeconds(1)), "A program that is not the server was interrupted.");
        }
        finally
        {
            other.Kill();
        }
    }

    // The server's files are in the directory given, or where it records them when the postgres user cannot enter it.
    private string ServerRoot()
    {
        var recorded = Path.Combine(_root, "server-directory");
        return File.Exists(recorded) ? File.ReadAllText(recorded).Trim() : _root;
    }

    // The postmaster is the parent of every session's process: the fourth field of /proc/<pid>/stat.
    private static async Task<int> PostmasterOfAsync(string connection)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("select pg_backend_pid()", db);
        var backend = (int)(await cmd.ExecuteScalarAsync())!;
        var stat = await File.ReadAllTextAsync($"/proc/{backend}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        // A server relocated to the postgres user's home (the clone's directory was closed to it) goes with the root.
        foreach (var directory in new[] { ServerRoot(), _root }.Distinct())
        {
            if (Directory.Exists(directory))
            {
                // The cluster may belong to the postgres user; removing it is best effort.
                try
                {
                    Directory.Delete(directory, recursive: true);
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
}
