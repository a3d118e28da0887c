using System.Diagnostics;

namespace FundManager.Tests.Infrastructure;

/// <summary>Runs the built <c>fundmanager</c> program as a separate process.</summary>
public static class ProgramRunner
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    public static Task<Outcome> FundManagerAsync(params string[] arguments) => RunAsync("fundmanager.dll", arguments);

    private static async Task<Outcome> RunAsync(string assembly, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, assembly), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // The programs must take the database from --database alone, never from the environment.
        info.Environment.Remove("FUNDMANAGER_DB");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Outcome(process.ExitCode, await stdout, await stderr);
    }
}
