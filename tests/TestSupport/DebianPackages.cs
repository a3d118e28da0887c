using System.Diagnostics;

namespace FundManager.Tests.Infrastructure;

/// <summary>
/// What the tests need from Debian's packages (Chromium for the browser tests; DejaVu Sans and fontconfig for the
/// charts): installed with apt-get the first time a file of theirs is missing (as root, or through sudo without a
/// password), so a fresh machine needs nothing installed by hand.
/// </summary>
public static class DebianPackages
{
    public const string ChartFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    private static readonly SemaphoreSlim Installing = new(1, 1);

    public static bool AsRoot => Environment.UserName == "root";

    /// <summary>
    /// The fonts the charts are drawn in, and fontconfig, which SkiaSharp finds them with: ensured as each test assembly
    /// loads (from a module initializer of its own), before any test draws a chart or starts a program that does.
    /// </summary>
    public static void EnsureChartFonts() =>
        EnsureAsync(ChartFont, "fonts-dejavu-core", "fontconfig").GetAwaiter().GetResult();

    /// <summary>Installs <paramref name="packages"/> when <paramref name="file"/> is missing; returns the file.</summary>
    public static async Task<string> EnsureAsync(string file, params string[] packages)
    {
        await Installing.WaitAsync();
        try
        {
            if (!File.Exists(file))
            {
                var sudo = AsRoot ? "" : "sudo -n ";
                await RunAsync($"{sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive {sudo}apt-get install -y -qq {string.Join(' ', packages)}");
            }

            return File.Exists(file) ? file : throw new InvalidOperationException($"{file} is missing and could not be installed with apt-get ({string.Join(", ", packages)}).");
        }
        finally
        {
            Installing.Release();
        }
    }

    private static async Task RunAsync(string script)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"apt-get failed ({process.ExitCode}): {await errors}{await output}");
        }
    }
}
