using System.Diagnostics;

namespace FundManager.Browser.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium, which the browser tests drive (Playwright's own browser download cannot work here): installed
/// with apt-get the first time it is missing (as root, or through sudo without a password), so a fresh machine needs
/// nothing installed by hand.
/// </summary>
public static class Chromium
{
    public const string Executable = "/usr/bin/chromium";

    private static readonly SemaphoreSlim Installing = new(1, 1);

    public static bool AsRoot => Environment.UserName == "root";

    public static async Task<string> EnsureAsync()
    {
        await Installing.WaitAsync();
        try
        {
            if (!File.Exists(Executable))
            {
                var sudo = AsRoot ? "" : "sudo -n ";
                await RunAsync($"{sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive {sudo}apt-get install -y -qq chromium fonts-dejavu-core");
            }

            return File.Exists(Executable) ? Executable : throw new InvalidOperationException($"{Executable} is missing and could not be installed with apt-get.");
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
            throw new InvalidOperationException($"Installing Chromium failed ({process.ExitCode}): {await errors}{await output}");
        }
    }
}
