using System.CommandLine;
using FundManager.Api.Demo;
using Spectre.Console;

namespace FundManager.Api.Cli;

/// <summary><c>demo [--scale large]</c>: loads a deterministic demonstration data set.</summary>
public static class DemoVerb
{
    public static Command Build()
    {
        var scale = new Option<string?>("--scale")
        {
            Description = $"large: the scale demonstration fund {ScaleDemoDataSet.Fund} (20 years, 200 donors, 5,000 grants, 20,000 tranches, over a million journal lines), with a progress bar.",
        };
        scale.AcceptOnlyFromAmong("large");
        var command = new Command("demo", "Load the demonstration data set (three funds, donors, pledges, receipts, grants and outcomes) into an empty database.") { scale };
        command.SetAction((parse, ct) => parse.GetValue(scale) is null
            ? CliDatabase.RunAsync(parse, async system =>
            {
                var loaded = await new DemoDataSet(system, Console.Error.WriteLine).LoadAsync(ct);
                Console.WriteLine(loaded ? "Demo data loaded." : "The database already holds data; demo data not loaded.");
                return 0;
            }, ct)
            : LoadScaleAsync(parse, ct));
        return command;
    }

    private static Task<int> LoadScaleAsync(ParseResult parse, CancellationToken ct)
    {
        var clock = new ScaleDemoClock();
        return CliDatabase.RunAsync(parse, async system =>
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var loaded = false;
            await AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask($"Loading {ScaleDemoDataSet.Fund}", maxValue: 1.0);
                    loaded = await new ScaleDemoDataSet(system, clock, ScaleDemoShape.Large, (stage, done) =>
                    {
                        task.Description = $"Loading {ScaleDemoDataSet.Fund}: {stage}";
                        task.Value = done;
                    }).LoadAsync(ct);
                    task.Value = 1.0;
                });
            Console.WriteLine(loaded
                ? $"Scale demo fund {ScaleDemoDataSet.Fund} loaded in {started.Elapsed.TotalSeconds:F0} s."
                : $"Scale demo fund {ScaleDemoDataSet.Fund} is already loaded.");
            return 0;
        }, ct, clock, ownSilo: true, bulkLoad: true);
    }
}
