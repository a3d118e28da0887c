using System.CommandLine;
using FundManager.Persistence;
using FundManager.Api.Database;

namespace FundManager.Api.Cli;

/// <summary><c>migrate</c> and <c>db stop</c>.</summary>
public static class DatabaseVerbs
{
    public static Command Migrate()
    {
        var command = new Command("migrate", "Apply the database migrations that are missing (safe to run again).");
        command.SetAction((parse, ct) => CliDatabase.GuardAsync(async () =>
        {
            var connection = await DatabaseLocation.ResolveAsync(parse.GetValue(CliDatabase.Option), Console.Error.WriteLine, ct);
            await using var dataSource = Npgsql.NpgsqlDataSource.Create(connection);
            var applied = await Migrator.ApplyAsync(dataSource, DatabaseSchema.Migrations, ct);
            Console.WriteLine(applied.Count == 0
                ? $"Database is up to date ({DatabaseSchema.Migrations.Count} migrations)."
                : $"Applied migrations {string.Join(", ", applied)}.");
            return 0;
        }));
        return command;
    }

    public static Command Db()
    {
        var stop = new Command("stop", "Stop the private PostgreSQL server under .data/postgres, if it runs.");
        stop.SetAction((_, ct) => CliDatabase.GuardAsync(async () =>
        {
            var stopped = await new PrivatePostgres(DatabaseLocation.PrivateServerDirectory()).StopAsync(ct);
            Console.WriteLine(stopped ? "Private PostgreSQL server stopped." : "The private PostgreSQL server was not running.");
            return 0;
        }));
        var db = new Command("db", "Manage the private PostgreSQL server.");
        db.Subcommands.Add(stop);
        return db;
    }
}
