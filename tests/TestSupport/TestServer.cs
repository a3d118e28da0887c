using FundManager.Persistence;
using FundManager.Api.Database;
using Npgsql;

namespace FundManager.Tests.Infrastructure;

/// <summary>
/// The private PostgreSQL server a test assembly runs on (<c>.data/test-{assembly name}</c>, durability off for speed),
/// and a migrated template database from which each test class clones its own fresh database.
/// </summary>
public static class TestServer
{
    private const string Template = "fm_template";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PrivatePostgres? _server;
    private static bool _templateReady;

    /// <summary>Creates a fresh, migrated database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = await EnsureTemplateAsync();
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using var admin = new NpgsqlConnection(server.ConnectionFor("postgres").ConnectionString);
        await admin.OpenAsync();

        // CREATE DATABASE ... TEMPLATE needs the template to have no other sessions; clones are serialised.
        await Gate.WaitAsync();
        try
        {
            await using var create = new NpgsqlCommand($"create database {name} template {Template}", admin);
            await create.ExecuteNonQueryAsync();
        }
        finally
        {
            Gate.Release();
        }

        return server.ConnectionFor(name).ConnectionString;
    }

    /// <summary>The server's connection string for a database that exists already (e.g. for pgbench or psql).</summary>
    public static async Task<PrivatePostgres> ServerAsync() => await EnsureTemplateAsync();

    private static async Task<PrivatePostgres> EnsureTemplateAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_server is not null && _templateReady)
            {
                return _server;
            }

            _server = new PrivatePostgres(
                // One server per test assembly: test projects run in parallel, and each drops the databases it finds
                // at start. The name is the test assembly's, not this library's, which every test project shares.
                DatabaseLocation.PrivateServerDirectory("test-" + TestAssembly.Name),
                ["fsync=off", "synchronous_commit=off", "full_page_writes=off"]);
            var adminConnection = await _server.EnsureStartedAsync("postgres");

            // The server lives as long as the test run; nothing is left running afterwards. The stop is only asked for:
            // the test runner kills a host a tenth of a second after its tests end, before a stop that waits would end.
            var started = _server;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => started.RequestStop();
            await using (var admin = new NpgsqlConnection(adminConnection))
            {
                await admin.OpenAsync();

                // Databases left by earlier runs go, and the template is rebuilt from today's migrations.
                var stale = new List<string>();
                await using (var list = new NpgsqlCommand($"select datname from pg_database where datname like 't\\_%' or datname = '{Template}'", admin))
                await using (var reader = await list.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        stale.Add(reader.GetString(0));
                    }
                }

                foreach (var name in stale)
                {
                    await using var drop = new NpgsqlCommand($"drop database if exists {name} with (force)", admin);
                    await drop.ExecuteNonQueryAsync();
                }

                await using var create = new NpgsqlCommand($"create database {Template}", admin);
                await create.ExecuteNonQueryAsync();
            }

            await using (var dataSource = NpgsqlDataSource.Create(_server.ConnectionFor(Template).ConnectionString))
            {
                await Migrator.ApplyAsync(dataSource, DatabaseSchema.Migrations);
            }

            // No session may stay open on the template, or cloning it fails.
            NpgsqlConnection.ClearAllPools();
            _templateReady = true;
            return _server;
        }
        finally
        {
            Gate.Release();
        }
    }
}
