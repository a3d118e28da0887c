using System.Diagnostics;
using System.Globalization;
using FundManager.Api.Database;
using Npgsql;

namespace FundManager.Bench;

/// <summary>
/// Reports at scale, on the scale demo fund (<c>fundmanager demo --scale large</c>, loaded once into the bench server's
/// <c>bench_scale</c> database and kept for later runs): the Board workbook, the ledger export to XLSX and to CSV of all
/// lines, each as the real program in its own process (time and peak resident memory), and <c>psql \copy</c> of the
/// same journal lines to a file for comparison. The XLSX export is also run on the first half of the years, to show
/// whether its memory grows with the number of lines.
/// </summary>
public static class ReportsBenchmark
{
    private const string Fund = ScaleDemo.Fund;

    public static async Task<int> RunAsync()
    {
        var connection = await ScaleDemo.DatabaseAsync();
        var program = BenchProgram.Path;
        var work = Directory.CreateTempSubdirectory("fm-bench-reports-");
        try
        {
            Console.Error.WriteLine("Loading the scale demo fund (once; later runs reuse it) ...");
            await RunAsync(program, ["demo", "--scale", "large", "--database", connection], echo: true);
            var lines = await ScalarAsync(connection, $"select count(*) from journal_lines where fund_code = '{Fund}'");
            var lastYear = (int)await ScalarAsync(connection, $"select extract(year from max(entry_date))::int from journal_entries where fund_code = '{Fund}'");
            var firstYear = (int)await ScalarAsync(connection, $"select extract(year from min(entry_date))::int from journal_entries where fund_code = '{Fund}'");
            Console.Error.WriteLine($"  {Fund}: {lines:N0} journal lines, {firstYear}-{lastYear}.");

            var board = await RunAsync(program, ["report", "board", "--fund", Fund, "--year", lastYear.ToString(CultureInfo.InvariantCulture), "--out", Path.Combine(work.FullName, "board"), "--database", connection]);
            var half = await RunAsync(program, ["export", "ledger", "--fund", Fund, "--to", $"{firstYear + (lastYear - firstYear) / 2}-12-31", "--format", "xlsx", "--out", Path.Combine(work.FullName, "half"), "--database", connection]);
            var xlsx = await RunAsync(program, ["export", "ledger", "--fund", Fund, "--format", "xlsx", "--out", Path.Combine(work.FullName, "xlsx"), "--database", connection]);
            var csv = await RunAsync(program, ["export", "ledger", "--fund", Fund, "--format", "csv", "--out", Path.Combine(work.FullName, "csv"), "--database", connection]);
            var copy = await CopyAsync(connection, Path.Combine(work.FullName, "copy.csv"));
            var halfLines = await ScalarAsync(connection,
                $"select count(*) from journal_lines l join journal_entries e using (fund_code, seq) where l.fund_code = '{Fund}' and e.entry_date <= '{firstYear + (lastYear - firstYear) / 2}-12-31'");

            Console.Error.WriteLine($"  ledger_xlsx (first half) lines={halfLines} seconds={half.Seconds:F1} peak_mb={half.PeakMb:F0}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"board_xlsx seconds={board.Seconds:F2} peak_mb={board.PeakMb:F0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ledger_xlsx lines={lines} seconds={xlsx.Seconds:F1} peak_mb={xlsx.PeakMb:F0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ledger_csv lines={lines} seconds={csv.Seconds:F1} copy_seconds={copy:F1} ratio={copy / csv.Seconds:F2}"));
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private sealed record Run(double Seconds, double PeakMb);

    // Each measurement starts once the files of the one before are on disk (sync), so that the kernel writing back one
    // run's hundreds of megabytes does not slow the next.
    private static async Task SettleAsync()
    {
        using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false })!;
        await sync.WaitForExitAsync();
    }

    /// <summary>Runs the program and measures its wall time and peak resident memory (VmHWM, sampled while it runs).</summary>
    private static async Task<Run> RunAsync(string program, IReadOnlyList<string> arguments, bool echo = false)
    {
        await SettleAsync();
        var info = new ProcessStartInfo("dotnet", [program, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.Environment["DOTNET_gcServer"] = "0";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = echo ? Echo(process.StandardError) : process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, PeakResident(process.Id));
            await Task.Delay(20);
        }

        await process.WaitForExitAsync();
        var seconds = watch.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"fundmanager {string.Join(' ', arguments.Take(2))} failed: {await stdout}{await stderr}");
        }

        return new Run(seconds, peak / 1024.0 / 1024.0);
    }

    private static async Task<string> Echo(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            Console.Error.WriteLine("  " + line);
        }

        return "";
    }

    // The kernel's high-water mark of the process's resident memory, in bytes.
    private static long PeakResident(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static async Task<double> CopyAsync(string connection, string file)
    {
        await SettleAsync();
        var c = new NpgsqlConnectionStringBuilder(connection);
        var query = $"""
            \copy (select e.seq, e.entry_date, e.description, e.source_stream, e.source_version, e.source_event, e.command_id, e.actor, e.recorded_at, encode(e.prev_hash, 'hex'), encode(e.hash, 'hex'), l.line_no, l.account, l.debit, l.credit, l.currency, l.original_amount, l.memo from journal_entries e join journal_lines l using (fund_code, seq) where e.fund_code = '{Fund}' order by e.seq, l.line_no) to '{file}' with (format csv, header)
            """;
        var info = new ProcessStartInfo(PostgresBinaries.Find().Psql, ["-h", c.Host!, "-p", c.Port.ToString(CultureInfo.InvariantCulture), "-U", c.Username!, "-d", c.Database!, "-c", query])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["PGPASSWORD"] = c.Password;
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? watch.Elapsed.TotalSeconds : throw new InvalidOperationException("psql \\copy failed: " + await error);
    }

    private static async Task<long> ScalarAsync(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, db);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
