using System.CommandLine;
using FundManager.Common;
using FundManager.Api.Cluster;
using FundManager.Api.Database;

namespace FundManager.Api.Cli;

/// <summary>The database every verb works on, and how a verb's failures become messages and exit codes.</summary>
public static class CliDatabase
{
    /// <summary>Exit code of a refused command or bad input.</summary>
    public const int UserError = 2;

    /// <summary>Exit code when the database or the PostgreSQL programs are unavailable, or another cluster runs on the database.</summary>
    public const int EnvironmentError = 3;

    /// <summary>Exit code of a failure of the program itself (sysexits' EX_SOFTWARE): a fault to report, with its reference.</summary>
    public const int UnexpectedError = 70;

    public static readonly Option<string?> Option = new("--database")
    {
        Description = $"Npgsql connection string. Default: the {DatabaseLocation.EnvironmentVariable} environment variable, else a private PostgreSQL server under .data/postgres.",
        Recursive = true,
    };

    /// <summary>
    /// Opens the domain on the chosen database (migrating it), runs <paramref name="body"/>, and turns failures into exit
    /// codes. A verb's first command joins the cluster running on the database as a client, or starts a silo of its own
    /// (on free ports) when none runs; a verb that only reads reads the database and starts nothing.
    /// </summary>
    /// <param name="parse">The verb's command line.</param>
    /// <param name="body">What the verb does.</param>
    /// <param name="ct">Stops it.</param>
    /// <param name="clock">The clock its commands are recorded by; one of its own needs a silo of its own (<paramref name="ownSilo"/>).</param>
    /// <param name="ownSilo">
    /// Run a silo in this process, refusing when a cluster runs on the database: the verb's commands must be recorded by
    /// its own clock, which the grains of a running cluster do not have.
    /// </param>
    /// <param name="bulkLoad">Commit without waiting for the disk (<c>synchronous_commit = off</c>): for a load that resumes where it stopped.</param>
    public static Task<int> RunAsync(
        ParseResult parse, Func<FundSystem, Task<int>> body, CancellationToken ct, TimeProvider? clock = null, bool ownSilo = false, bool bulkLoad = false) =>
        GuardAsync(async () =>
        {
            var connection = await DatabaseLocation.ResolveAsync(parse.GetValue(Option), Console.Error.WriteLine, ct);
            if (bulkLoad)
            {
                var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection);
                builder.Options = $"{builder.Options} -c synchronous_commit=off".Trim();
                connection = builder.ConnectionString;
            }

            var settings = Settings();
            await using var host = await FundHost.OpenAsync(connection, clock, settings, ct);
            if (ownSilo)
            {
                if ((await ClusterMembers.LiveAsync(host.System.DataSource, settings, ct)).FirstOrDefault() is { } running)
                {
                    throw new CliUsageException(
                        $"A cluster runs on this database (silo {running.Address}:{running.Port}); this verb records its commands with a clock of its own "
                        + "and needs a silo of its own: stop the cluster's silos (serve, silo) and run it again.");
                }

                await host.StartSiloAsync(ct);
            }

            return await body(host.System);
        });

    /// <summary>The cluster settings of a verb: the environment's (<c>FundManager__Cluster__ClusterId</c>, …), and a silo of its own on free ports, without the dashboard.</summary>
    public static ClusterSettings Settings()
    {
        var settings = ClusterSettings.From(new ConfigurationBuilder().AddEnvironmentVariables().Build());
        (settings.SiloPort, settings.GatewayPort, settings.Dashboard) = (0, 0, false);
        return settings;
    }

    /// <summary>
    /// Turns a broken rule or bad input (2), an unavailable environment (3) or the program's own failure (70, with a
    /// reference) into a message on stderr and a non-zero exit.
    /// </summary>
    public static async Task<int> GuardAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (RuleViolation e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message} ({e.Rule}{(e.Field is null ? "" : $", field {e.Field}")})");
            return UserError;
        }
        catch (Reporting.Templates.TemplateException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return UserError;
        }
        catch (CliUsageException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return UserError;
        }
        catch (ClusterConflictException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return EnvironmentError;
        }
        catch (Exception e) when (DatabaseUnavailableException.Is(e))
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return EnvironmentError;
        }
        catch (Exception e)
        {
            // Not the caller's and not the environment's: the program's own fault. The reference ties the one-line
            // message to the full error written after it.
            var reference = Guid.NewGuid().ToString("N")[..12];
            await Console.Error.WriteLineAsync($"error: the program failed (reference {reference}): {e.Message}");
            await Console.Error.WriteLineAsync($"[{reference}] {e}");
            return UnexpectedError;
        }
    }

    /// <summary>Parses an ISO date (<c>yyyy-MM-dd</c>) typed on the command line.</summary>
    public static DateOnly? ParseDate(string? value, string option) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date
            : throw new CliUsageException($"{option} must be a date written yyyy-MM-dd, not '{value}'.");
}
