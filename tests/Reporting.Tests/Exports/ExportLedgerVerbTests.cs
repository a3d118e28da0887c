using FundManager.Reporting.Exports;
using FundManager.Tests.Infrastructure;

namespace FundManager.Reporting.Tests.Exports;

/// <summary><c>fundmanager export ledger</c>, <c>export verify</c> and <c>ledger verify</c>, run as the real program against the demo database.</summary>
[Collection(DemoCollection.Name)]
public sealed class ExportLedgerVerbTests(DemoFixture demo) : IDisposable
{
    private readonly string _folder = ExportFolder.NewPath();

    [Theory]
    [InlineData("csv", new[] { "journal.csv", "general-ledger.csv", "trial-balance.csv" })]
    [InlineData("xlsx", new[] { "ledger.xlsx" })]
    public async Task Export_writes_its_files_and_manifest_into_a_new_directory_says_what_and_verify_exits_0(string format, string[] files)
    {
        var directory = Path.Combine(_folder, "out");

        var outcome = await ProgramRunner.FundManagerAsync("export", "ledger", "--fund", "UPR-VFTA", "--from", "2023-01-01", "--to", "2025-12-31", "--format", format, "--out", directory, "--database", demo.ConnectionString);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Equal(files.Append(ExportManifest.FileName).Order(StringComparer.Ordinal), Directory.GetFiles(directory).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
        foreach (var file in files.Append(ExportManifest.FileName))
        {
            Assert.Contains(Path.Combine(directory, file), outcome.Stdout, StringComparison.Ordinal);
        }

        var verify = await ProgramRunner.FundManagerAsync("export", "verify", "--dir", directory);
        Assert.Equal(0, verify.ExitCode);
        Assert.Equal("intact", verify.Stdout.Trim());
    }

    [Fact]
    public async Task Export_verify_exits_1_and_names_the_entry_whose_amount_changed()
    {
        var directory = Path.Combine(_folder, "tampered");
        var export = await ProgramRunner.FundManagerAsync("export", "ledger", "--fund", "VFTC", "--format", "csv", "--out", directory, "--database", demo.ConnectionString);
        Assert.True(export.ExitCode == 0, export.Stderr);
        var path = Path.Combine(directory, LedgerExport.JournalCsv);
        var rows = ExportFolder.ReadCsv(path);
        var line = rows.First(r => r[1] == "5");
        line[18] = "1" + line[18];
        ExportFolder.WriteCsv(path, rows);

        var verify = await ProgramRunner.FundManagerAsync("export", "verify", "--dir", directory);

        Assert.Equal(1, verify.ExitCode);
        Assert.StartsWith("broken: journal.csv entry 5: ", verify.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ledger_verify_prints_intact_then_each_funds_chain_head_as_the_manifest_gives_it()
    {
        using var export = await ExportFolder.WriteAsync(demo.System, "UPR-VFP", ExportFormat.Csv);

        var outcome = await ProgramRunner.FundManagerAsync("ledger", "verify", "--database", demo.ConnectionString);

        Assert.Equal(0, outcome.ExitCode);
        var lines = outcome.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("intact", lines[0]);
        Assert.Equal(["UPR-VFP", "UPR-VFTA", "VFTC"], lines.Skip(1).Select(l => l.Split(' ')[0]));
        Assert.Contains($"UPR-VFP head {export.Manifest.ChainHead.Sequence} {export.Manifest.ChainHead.Hash}", lines);
    }

    [Theory]
    [InlineData("--fund NOPE-FUND --format csv", "There is no fund NOPE-FUND")]
    [InlineData("--fund !bad --format csv", "A fund code is")]
    [InlineData("--fund VFTC --format csv --from 2025-13-01", "--from must be a date")]
    [InlineData("--fund VFTC --format csv --to 31/12/2025", "--to must be a date")]
    [InlineData("--fund VFTC --format csv --from 2025-06-01 --to 2025-05-31", "is after to")]
    [InlineData("--fund VFTC --format pdf", "format must be csv or xlsx")]
    public async Task Refused_input_exits_2_with_a_message_and_writes_nothing(string arguments, string message)
    {
        var directory = Path.Combine(_folder, "refused");

        var outcome = await ProgramRunner.FundManagerAsync([.. "export ledger".Split(' '), .. arguments.Split(' '), "--out", directory, "--database", demo.ConnectionString]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(message, outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder));
    }

    [Fact]
    public async Task Export_verify_of_a_directory_that_does_not_exist_exits_2()
    {
        var outcome = await ProgramRunner.FundManagerAsync("export", "verify", "--dir", Path.Combine(_folder, "nowhere"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("There is no directory", outcome.Stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
