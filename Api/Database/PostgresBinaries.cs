using System.Diagnostics;

namespace FundManager.Api.Database;

/// <summary>
/// Finds the machine's PostgreSQL server programs (<c>initdb</c>, <c>pg_ctl</c>): on PATH, else in the
/// directory <c>pg_config --bindir</c> names, else in Debian's <c>/usr/lib/postgresql/N/bin</c>.
/// </summary>
public sealed record PostgresBinaries(string Directory)
{
    public const string InstallAdvice =
        "FundManager needs PostgreSQL 15 or later. Install it (Debian/Ubuntu: `sudo apt-get install postgresql`; "
        + "macOS: `brew install postgresql@15`), or point FundManager at a server with --database or FUNDMANAGER_DB.";

    public string InitDb => Path.Combine(Directory, "initdb");

    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    public string PgBench => Path.Combine(Directory, "pgbench");

    public string Psql => Path.Combine(Directory, "psql");

    public static PostgresBinaries Find()
    {
        foreach (var candidate in Candidates())
        {
            if (File.Exists(Path.Combine(candidate, "initdb")) && File.Exists(Path.Combine(candidate, "pg_ctl")))
            {
                // PATH often holds symlinks; the real directory also has pgbench and psql beside them.
                var resolved = (new FileInfo(Path.Combine(candidate, "pg_ctl")).ResolveLinkTarget(returnFinalTarget: true) as FileInfo)?.DirectoryName ?? candidate;
                return new PostgresBinaries(resolved);
            }
        }

        throw new DatabaseUnavailableException("No PostgreSQL server programs (initdb, pg_ctl) were found. " + InstallAdvice);
    }

    private static IEnumerable<string> Candidates()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            yield return dir;
        }

        if (PgConfigBinDir() is { } bindir)
        {
            yield return bindir;
        }

        const string debian = "/usr/lib/postgresql";
        if (System.IO.Directory.Exists(debian))
        {
            foreach (var dir in System.IO.Directory.GetDirectories(debian).OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            {
                yield return Path.Combine(dir, "bin");
            }
        }
    }

    private static string? PgConfigBinDir()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
