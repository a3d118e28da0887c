using FundManager.Tests.Infrastructure;

namespace FundManager.Reporting.Tests.Iati;

/// <summary><c>fundmanager export iati</c>, run as the real program against the demo database.</summary>
[Collection(DemoCollection.Name)]
public sealed class ExportIatiVerbTests(DemoFixture demo) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"fundmanager-iati-{Guid.NewGuid():N}");

    [Fact]
    public async Task The_verb_writes_a_valid_file_into_a_new_directory_and_says_where()
    {
        var path = Path.Combine(_folder, "exports", "upr-vfta.xml");
        var expected = await DemoIatiFiles.ApprovedGrantsAsync(demo.System, "UPR-VFTA");

        var outcome = await ProgramRunner.FundManagerAsync("export", "iati", "--fund", "UPR-VFTA", "--out", path, "--database", demo.ConnectionString);

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Contains(path, outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{expected.Count} IATI activities", outcome.Stdout, StringComparison.Ordinal);
        Assert.Empty(IatiSchema.Validate(await File.ReadAllBytesAsync(path)));
        Assert.Equal(expected.Count, DemoIatiFiles.Parse(await File.ReadAllBytesAsync(path)).Root!.Elements("iati-activity").Count());
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Theory]
    [InlineData("--fund NOPE-FUND", "There is no fund NOPE-FUND")]
    [InlineData("--fund VFTC --reporting-org-ref XM/DAC", "is not an IATI organisation identifier")]
    public async Task Refused_input_exits_2_with_a_message_and_writes_no_file(string arguments, string message)
    {
        var path = Path.Combine(_folder, "refused.xml");

        var outcome = await ProgramRunner.FundManagerAsync([.. "export iati".Split(' '), .. arguments.Split(' '), "--out", path, "--database", demo.ConnectionString]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(message, outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
        Assert.False(Directory.Exists(_folder));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
