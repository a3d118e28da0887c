using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Npgsql;

namespace FundManager.Api.Database;

/// <summary>
/// A PostgreSQL server of FundManager's own, in a directory (by default <c>.data/postgres</c>), created
/// from the machine's binaries on first use and started on a free loopback port. A second program finds
/// it running and reuses it. When run as root the server runs as the <c>postgres</c> user, as PostgreSQL requires.
/// </summary>
public sealed class PrivatePostgres
{
    private const string User = "fundmanager";

    // The signal pg_ctl sends for a fast shutdown.
    private const int Interrupt = 2;

    private readonly string _root;
    private readonly IReadOnlyList<string> _settings;
    private readonly Action<string> _log;

    /// <param name="root">The directory that holds the cluster, its password, port and log.</param>
    /// <param name="settings">Extra server settings (<c>name=value</c>), for example <c>fsync=off</c> for throwaway test servers.</param>
    /// <param name="log">Where progress messages go (the server's own log is <c>server.log</c> in <paramref name="root"/>).</param>
    public PrivatePostgres(string root, IReadOnlyList<string>? settings = null, Action<string>? log = null)
    {
        _root = Path.GetFullPath(root);
        _settings = settings ?? [];
        _log = log ?? (_ => { });
    }

    private string? _serverRoot;

    /// <summary>
    /// Where the server's files live: the given directory, except when the program runs as root in a directory the
    /// <c>postgres</c> user cannot reach (root's home, a <c>mktemp -d</c>): then in a directory of that user's home named
    /// after the given one, recorded in <c>server-directory</c> there for people to find.
    /// </summary>
    private string ServerRoot => _serverRoot ??= ChooseServerRoot();

    private string DataDirectory => Path.Combine(ServerRoot, "data");

    private string SocketDirectory => Path.Combine(ServerRoot, "run");

    private string PasswordFile => Path.Combine(ServerRoot, "password");

    private string PortFile => Path.Combine(ServerRoot, "port");

    private string LogFile => Path.Combine(ServerRoot, "server.log");

    private static bool IsRoot => Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";

    /// <summary>Starts the server unless it runs already, makes sure <paramref name="database"/> exists, and returns its connection string.</summary>
    public async Task<string> EnsureStartedAsync(string database = "fundmanager", CancellationToken ct = default)
    {
        Directory.CreateDirectory(_root);
        await using (await FileLock.AcquireAsync(Path.Combine(_root, "launcher.lock"), ct))
        {
            var binaries = PostgresBinaries.Find();
            if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
            {
                await InitialiseAsync(binaries, ct);
            }

            if (!await IsRunningAsync(binaries, ct))
            {
                await StartAsync(binaries, ct);
            }

            var builder = ConnectionFor("postgres");
            await CreateDatabaseAsync(builder.ConnectionString, database, ct);
            return ConnectionFor(database).ConnectionString;
        }
    }

    /// <summary>Stops the server if it runs; returns whether it was running.</summary>
    public async Task<bool> StopAsync(CancellationToken ct = default)
    {
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            return false;
        }

        var binaries = PostgresBinaries.Find();
        if (!await IsRunningAsync(binaries, ct))
        {
            return false;
        }

        await RunAsync(binaries.PgCtl, ["stop", "-D", DataDirectory, "-m", "fast", "-w"], ct);
        return true;
    }

    /// <summary>
    /// Asks the server for a fast shutdown, as <c>pg_ctl stop -m fast</c> does (SIGINT to the postmaster that its
    /// <c>postmaster.pid</c> names), and returns at once; the server shuts down on its own. For a process on its way out,
    /// which may be killed before a stop that waits could even start: the test runner gives its hosts a tenth of a second.
    /// </summary>
    public void RequestStop()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) || !IsPostgres(pid))
        {
            return;
        }

        _ = SendSignal(pid, Interrupt);
    }

    /// <summary>The connection string of <paramref name="database"/> on this server (which must have been started).</summary>
    public NpgsqlConnectionStringBuilder ConnectionFor(string database) => new()
    {
        Host = "127.0.0.1",
        Port = int.Parse(File.ReadAllText(PortFile).Trim(), System.Globalization.CultureInfo.InvariantCulture),
        Username = User,
        Password = File.ReadAllText(PasswordFile).Trim(),
        Database = database,
        MaxPoolSize = 100,
    };

    private async Task InitialiseAsync(PostgresBinaries binaries, CancellationToken ct)
    {
        _log(ServerRoot == _root ? $"Creating a private PostgreSQL server in {_root} ..." : $"Creating a private PostgreSQL server for {_root} in {ServerRoot} (the postgres user cannot enter {_root}) ...");
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }

        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(SocketDirectory);
        File.WriteAllText(PasswordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.SetUnixFileMode(DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        await HandToServerUserAsync(ct);
        await RunAsync(binaries.InitDb, ["-D", DataDirectory, "-U", User, "--pwfile", PasswordFile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"], ct);
    }

    private async Task StartAsync(PostgresBinaries binaries, CancellationToken ct)
    {
        var port = FreePort();
        File.WriteAllText(PortFile, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(SocketDirectory);
        await HandToServerUserAsync(ct);
        var options = string.Join(' ', new[] { $"-p {port}", "-c listen_addresses=127.0.0.1", $"-c unix_socket_directories={SocketDirectory}", "-c max_connections=300" }
            .Concat(_settings.Select(s => $"-c {s}")));
        _log($"Starting the private PostgreSQL server on 127.0.0.1:{port} ...");
        await RunAsync(binaries.PgCtl, ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", options], ct);
    }

    private async Task<bool> IsRunningAsync(PostgresBinaries binaries, CancellationToken ct)
    {
        if (!File.Exists(PortFile))
        {
            return false;
        }

        // pg_ctl status exits 0 when the server runs, 3 when it does not.
        return await RunAsync(binaries.PgCtl, ["status", "-D", DataDirectory], ct, allowFailure: true) == 0;
    }

    private static async Task CreateDatabaseAsync(string adminConnection, string database, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(adminConnection);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select exists (select 1 from pg_database where datname = $1)", connection);
        exists.Parameters.Add(new() { Value = database });
        if ((bool)(await exists.ExecuteScalarAsync(ct))!)
        {
            return;
        }

        await using var create = new NpgsqlCommand($"create database \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        try
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another process created it first; that is all we wanted.
        }
    }

    // PostgreSQL refuses to run as root, so as root the cluster belongs to the postgres user.
    private async Task HandToServerUserAsync(CancellationToken ct)
    {
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", ServerRoot], ct, asServerUser: false);
        }
    }

    private async Task<int> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken ct, bool allowFailure = false, bool asServerUser = true)
    {
        var info = IsRoot && asServerUser
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", program, .. arguments])
            : new ProcessStartInfo(program, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        info.WorkingDirectory = ServerRoot;
        using var process = Process.Start(info) ?? throw new DatabaseUnavailableException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0 && !allowFailure)
        {
            var log = File.Exists(LogFile) ? string.Join('\n', File.ReadLines(LogFile).TakeLast(20)) : "";
            throw new DatabaseUnavailableException(
                $"{Path.GetFileName(program)} failed (exit {process.ExitCode}): {(await stderr).Trim()} {(await stdout).Trim()}\n{log}".Trim());
        }

        return process.ExitCode;
    }

    private string ChooseServerRoot()
    {
        Directory.CreateDirectory(_root);
        if (!IsRoot || ServerUserCanEnter(_root))
        {
            return _root;
        }

        var home = ServerUserHome() is { } h && Directory.Exists(h) ? h : Path.GetTempPath();
        var name = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(_root)))[..16];
        var relocated = Path.Combine(home, "fundmanager", name);
        Directory.CreateDirectory(relocated);
        File.WriteAllText(Path.Combine(_root, "server-directory"), relocated + Environment.NewLine);
        return relocated;
    }

    // "test -x" as the server user: true when every directory on the way can be entered.
    private static bool ServerUserCanEnter(string directory)
    {
        using var process = Process.Start(new ProcessStartInfo("runuser", ["-u", "postgres", "--", "test", "-x", directory]) { UseShellExecute = false })
            ?? throw new DatabaseUnavailableException("Could not start runuser.");
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    private static string? ServerUserHome()
    {
        using var process = Process.Start(new ProcessStartInfo("getent", ["passwd", "postgres"]) { RedirectStandardOutput = true, UseShellExecute = false });
        var line = process?.StandardOutput.ReadToEnd() ?? "";
        process?.WaitForExit();
        var fields = line.Trim().Split(':');
        return fields.Length > 5 && fields[5].Length > 0 ? fields[5] : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    // A file left by a server that died names a process id the system may have given to another program since.
    private static bool IsPostgres(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.ProcessName == "postgres";
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
