using System.Diagnostics;
using System.Runtime.InteropServices;

namespace FundManager.Bench;

/// <summary>
/// <c>fundmanager serve</c> as <c>bench/run</c> built it (Release), on a free loopback port, logging warnings only:
/// started and ready when made, stopped when disposed.
/// </summary>
public sealed class ServedProgram : IAsyncDisposable
{
    private const int Sigterm = 15;

    // A graceful stop takes a few seconds (the silo deactivates its grains and leaves the cluster).
    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(30);

    private readonly Process _process;

    private ServedProgram(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <param name="arguments">What follows <c>serve --urls …</c>: the database, <c>--demo</c>.</param>
    /// <param name="environment">Settings beyond the log level, as environment variables.</param>
    public static async Task<ServedProgram> StartAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{HttpBenchmark.FreePort()}");
        var info = new ProcessStartInfo("dotnet", [BenchProgram.Path, "serve", "--urls", baseAddress.ToString().TrimEnd('/'), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["Logging__LogLevel__Default"] = "Warning" },
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var served = new ServedProgram(process, baseAddress);
        try
        {
            await HttpBenchmark.WaitReadyAsync(baseAddress);
            return served;
        }
        catch
        {
            await served.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops the program as an operator would (SIGTERM), so that its silo leaves the cluster's membership as it exits: a
    /// killed silo stays alive in the membership table until its heartbeats are overdue, and meanwhile the next
    /// benchmark's verbs refuse the database. Killed only when it has not stopped in <see cref="StopPatience"/>.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited && Terminate(_process.Id, Sigterm) == 0)
        {
            using var patience = new CancellationTokenSource(StopPatience);
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                // Still running after its patience: killed below.
            }
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Terminate(int pid, int signal);
}
