using System.CommandLine;
using FundManager.Api.Demo;

namespace FundManager.Api.Cli;

/// <summary><c>demo</c>: loads the deterministic demonstration data set into an empty database.</summary>
public static class DemoVerb
{
    public static Command Build()
    {
        var command = new Command("demo", "Load the demonstration data set (three funds, donors, pledges, receipts, grants and outcomes) into an empty database.");
        command.SetAction((parse, ct) => CliDatabase.RunAsync(parse, async system =>
        {
            var loaded = await new DemoDataSet(system, Console.Error.WriteLine).LoadAsync(ct);
            Console.WriteLine(loaded ? "Demo data loaded." : "The database already holds data; demo data not loaded.");
            return 0;
        }, ct));
        return command;
    }
}
