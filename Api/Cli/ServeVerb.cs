using System.CommandLine;
using FundManager.Api.Demo;
using FundManager.Api.Http;
using FundManager.Persistence.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace FundManager.Api.Cli;

/// <summary><c>serve</c>: runs the HTTP API on the chosen database; <c>--demo</c> loads the demo data and demo users into an empty database.</summary>
public static class ServeVerb
{
    public static Command Build()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var demo = new Option<bool>("--demo") { Description = "Load the demo data set and one demo user per role (password demo-password-1) into an empty database." };
        var command = new Command("serve", "Run the HTTP API (OpenAPI at /openapi/v1.json, interactive UI at /swagger).") { urls, demo };
        command.SetAction((parse, ct) => CliDatabase.GuardAsync(async () =>
        {
            var connection = await DatabaseLocation.ResolveAsync(parse.GetValue(CliDatabase.Option), Console.Error.WriteLine, ct);
            await using (var system = await FundSystem.OpenAsync(connection, ct: ct))
            {
                if (parse.GetValue(demo))
                {
                    await new DemoDataSet(system, Console.Error.WriteLine).LoadAsync(ct);
                    await DemoUsers.EnsureAsync(system, ct);
                }
            }

            using var host = BuildHost(connection, parse.GetValue(urls)!);
            await host.RunAsync(ct);
            return 0;
        }));
        return command;
    }

    public static IHost BuildHost(string connection, string urls) =>
        Host.CreateDefaultBuilder()
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { [ApiStartup.DatabaseKey] = connection }))
            .ConfigureWebHostDefaults(web => web.UseStartup<ApiStartup>().UseUrls(urls))
            .Build();
}
