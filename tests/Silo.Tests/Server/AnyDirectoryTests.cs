using System.Diagnostics;

namespace FundManager.Tests.Server;

/// <summary>
/// The program starts its private PostgreSQL from any directory, as root or not: here from a fresh directory that only
/// its owner may enter (as <c>mktemp -d</c> makes them, or root's home), with no checkout above it. As root the server
/// runs as the postgres user, who cannot enter such a directory; when the tests run as root the program is also run as
/// an ordinary user.
/// </summary>
public sealed class AnyDirectoryTests
{
    [Fact]
    public async Task The_private_server_starts_from_a_directory_only_its_owner_may_enter()
    {
        var outcomes = new List<(string Who, string Migrated, string Stopped, bool Relocated)> { await RunFromPrivateDirectoryAsync(asUser: null) };
        if (Environment.UserName == "root")
        {
            outcomes.Add(await RunFromPrivateDirectoryAsync(asUser: "nobody"));
        }

        Assert.All(outcomes, o => Assert.Contains("Applied migrations", o.Migrated, StringComparison.Ordinal));
        Assert.All(outcomes, o => Assert.Contains("Private PostgreSQL server stopped.", o.Stopped, StringComparison.Ordinal));

        // Run by root, the server lives where the postgres user can enter; run by anyone else, where it was asked to.
        Assert.All(outcomes, o => Assert.Equal(o.Who == "root", o.Relocated));
    }

    private static async Task<(string Who, string Migrated, string Stopped, bool Relocated)> RunFromPrivateDirectoryAsync(string? asUser)
    {
        var directory = Directory.CreateTempSubdirectory("fundmanager-anywhere-").FullName;
        try
        {
            Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(directory) == (UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
            var program = Path.Combine(directory, "program");
            CopyProgram(AppContext.BaseDirectory, program);
            if (asUser is not null)
            {
                await RunAsync("chown", ["-R", asUser, directory], directory, null);
            }

            var migrated = await RunAsync("dotnet", [Path.Combine(program, "fundmanager.dll"), "migrate"], directory, asUser);
            var stopped = await RunAsync("dotnet", [Path.Combine(program, "fundmanager.dll"), "db", "stop"], directory, asUser);
            return (asUser ?? Environment.UserName, migrated, stopped, File.Exists(Path.Combine(directory, ".data", "postgres", "server-directory")));
        }
        finally
        {
            // A server placed in the postgres user's home (see PrivatePostgres) goes too.
            var placed = Path.Combine(directory, ".data", "postgres", "server-directory");
            if (File.Exists(placed))
            {
                Directory.Delete(File.ReadAllText(placed).Trim(), recursive: true);
            }

            Directory.Delete(directory, recursive: true);
        }
    }

    private static void CopyProgram(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, string workingDirectory, string? asUser)
    {
        var info = asUser is null
            ? new ProcessStartInfo(program, arguments)
            : new ProcessStartInfo("runuser", ["-u", asUser, "--", "env", $"HOME={workingDirectory}", "DOTNET_CLI_HOME=" + workingDirectory, program, .. arguments]);
        info.WorkingDirectory = workingDirectory;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        info.Environment.Remove("FUNDMANAGER_DB");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} as {asUser ?? Environment.UserName} exited {process.ExitCode}: {await stderr}");
        return await stdout + await stderr;
    }
}
