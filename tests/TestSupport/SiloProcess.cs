using System.Diagnostics;
using Npgsql;

namespace FundManager.Tests.Infrastructure;

/// <summary>A <c>fundmanager silo</c> process on a test database (free ports), killed or stopped when disposed.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private SiloProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts a silo and waits until the membership table shows it active.</summary>
    public static async Task<SiloProcess> StartAsync(string database)
    {
        var before = await ActiveAsync(database);
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "fundmanager.dll"), "silo", "--database", database, "--port", "0", "--gateway-port", "0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment.Remove("FUNDMANAGER_DB");
        var silo = new SiloProcess(Process.Start(info)!);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await ActiveAsync(database) <= before)
        {
            if (silo._process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("The silo did not start: " + silo.Output);
            }

            await Task.Delay(200);
        }

        return silo;
    }

    /// <summary>Kills the process (no shutdown: it leaves the cluster as a crash would).</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public static async Task<long> ActiveAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("select count(*) from orleans_members where status = 3", connection);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
