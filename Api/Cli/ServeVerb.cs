using System.CommandLine;
using FundManager.Api.Cluster;
using FundManager.Api.Database;
using FundManager.Api.Demo;
using FundManager.Api.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace FundManager.Api.Cli;

/// <summary>
/// <c>serve</c>: a silo and the HTTP API in one process (or, with <c>--client</c>, the HTTP API as a client of a cluster
/// already running); <c>--demo</c> loads the demo data and demo users into an empty database.
/// </summary>
public static class ServeVerb
{
    public static Command Build()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var demo = new Option<bool>("--demo") { Description = "Load the demo data set and one demo user per role (password demo-password-1) into an empty database." };
        var client = new Option<bool>("--client") { Description = "Serve the API as a client of the cluster already running on the database, hosting no silo." };
        var siloPort = new Option<int?>("--silo-port") { Description = "The port this silo talks to other silos on (default 11111; 0: a free one)." };
        var gatewayPort = new Option<int?>("--gateway-port") { Description = "The port clients of the cluster connect to (default 30000; 0: a free one)." };
        var command = new Command("serve", "Run a silo and the HTTP API (OpenAPI at /openapi/v1.json, interactive UI at /swagger).") { urls, demo, client, siloPort, gatewayPort };
        command.SetAction((parse, ct) => CliDatabase.GuardAsync(async () =>
        {
            var connection = await DatabaseLocation.ResolveAsync(parse.GetValue(CliDatabase.Option), Console.Error.WriteLine, ct);
            var settings = new Dictionary<string, string?> { [$"{ClusterSettings.Section}:Client"] = parse.GetValue(client) ? "true" : null };
            settings[$"{ClusterSettings.Section}:SiloPort"] = parse.GetValue(siloPort)?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings[$"{ClusterSettings.Section}:GatewayPort"] = parse.GetValue(gatewayPort)?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            using var host = BuildHost(connection, parse.GetValue(urls)!, settings);
            var readiness = host.Services.GetRequiredService<ServerReadiness>();
            if (parse.GetValue(demo))
            {
                readiness.Hold("loading the demo data");
            }

            await host.StartAsync(ct);
            if (parse.GetValue(demo))
            {
                // Through the grains of the silo just started (or of the cluster, as its client).
                var system = host.Services.GetRequiredService<FundSystem>();
                await new DemoDataSet(system, Console.Error.WriteLine).LoadAsync(ct);
                await DemoUsers.EnsureAsync(system, ct);
                readiness.Release();
            }

            await host.WaitForShutdownAsync(ct);
            return 0;
        }));
        return command;
    }

    /// <param name="connection">The database.</param>
    /// <param name="urls">Where the HTTP API listens.</param>
    /// <param name="settings">Configuration that overrides the environment's and appsettings' (cluster options); null values are left out.</param>
    public static IHost BuildHost(string connection, string urls, IReadOnlyDictionary<string, string?>? settings = null) =>
        ProgramHost.CreateWebHostBuilder()
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(
                new Dictionary<string, string?> { [ApiStartup.DatabaseKey] = connection }
                    .Concat((settings ?? new Dictionary<string, string?>()).Where(s => s.Value is not null))))
            .ConfigureWebHostDefaults(web => web.UseStartup<ApiStartup>().UseStaticWebAssets().UseUrls(urls))
            .Build();
}
