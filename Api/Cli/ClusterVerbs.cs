using System.CommandLine;
using System.Globalization;
using FundManager.Api.Cluster;
using FundManager.Api.Database;
using FundManager.Reminders;
using Microsoft.Extensions.Hosting;

namespace FundManager.Api.Cli;

/// <summary><c>silo</c> (a silo without HTTP, joining the cluster of the database) and <c>cluster status</c>.</summary>
public static class ClusterVerbs
{
    public static Command Silo()
    {
        var port = new Option<int?>("--port") { Description = "The port this silo talks to other silos on (default 11111; 0: a free one)." };
        var gatewayPort = new Option<int?>("--gateway-port") { Description = "The port clients connect to (default 30000; 0: a free one)." };
        var command = new Command("silo", "Run a silo without HTTP that joins the cluster running on the same database (or starts it).") { port, gatewayPort };
        command.SetAction((parse, ct) => CliDatabase.GuardAsync(async () =>
        {
            var connection = await DatabaseLocation.ResolveAsync(parse.GetValue(CliDatabase.Option), Console.Error.WriteLine, ct);
            var builder = ProgramHost.CreateBuilder();
            var settings = ClusterSettings.From(builder.Configuration);
            settings.SiloPort = parse.GetValue(port) ?? settings.SiloPort;
            settings.GatewayPort = parse.GetValue(gatewayPort) ?? settings.GatewayPort;
            var dataSource = FundSystem.CreateDataSource(connection);
            builder.Services.AddSingleton(dataSource);
            builder.Services.AddHostedService(_ => new DatabasePreparation(dataSource, settings));
            ClusterHosting.AddSilo(builder.Services, settings, dataSource, TimeProvider.System, builder.Configuration.GetSection(ReminderSchedule.Section).Get<ReminderSchedule>());
            using var host = builder.Build();
            await host.StartAsync(ct);
            var silo = host.Services.GetRequiredService<ILocalSiloDetails>();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Silo {silo.SiloAddress.Endpoint} (gateway {silo.GatewayAddress?.Endpoint}) joined cluster {settings.ClusterId}; Ctrl+C stops it."));
            await host.WaitForShutdownAsync(ct);
            return 0;
        }));
        return command;
    }

    public static Command Cluster()
    {
        var status = new Command("status", "List the silos of the clusters on the database: address, status, start time, last heartbeat.");
        status.SetAction((parse, ct) => CliDatabase.GuardAsync(async () =>
        {
            var connection = await DatabaseLocation.ResolveAsync(parse.GetValue(CliDatabase.Option), Console.Error.WriteLine, ct);
            await using var dataSource = FundSystem.CreateDataSource(connection);
            await FundSystem.PrepareDatabaseAsync(dataSource, DatabaseSchema.Migrations, ct);
            var members = await ClusterMembers.ListAsync(dataSource, ct);
            if (members.Count == 0)
            {
                Console.WriteLine("No silo has ever joined a cluster on this database.");
                return 0;
            }

            Console.WriteLine($"{"cluster",-16} {"silo",-22} {"gateway",-8} {"status",-13} {"started (UTC)",-20} last heartbeat (UTC)");
            foreach (var m in members)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{m.ClusterId,-16} {m.Address + ":" + m.Port,-22} {m.GatewayPort?.ToString(CultureInfo.InvariantCulture) ?? "-",-8} {m.Status,-13} {m.StartedAt:yyyy-MM-dd HH:mm:ss}  {m.LastHeartbeat:yyyy-MM-dd HH:mm:ss}"));
            }

            return 0;
        }));
        var cluster = new Command("cluster", "The Orleans cluster on the database.");
        cluster.Subcommands.Add(status);
        return cluster;
    }
}
