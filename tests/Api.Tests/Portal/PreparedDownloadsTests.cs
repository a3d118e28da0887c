using FundManager.Api.Portal.Downloads;
using FundManager.Common;
using FundManager.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace FundManager.Api.Tests.Portal;

/// <summary>
/// Files prepared in the background for the pages: progress part by part, then the file; its owner's alone; the same
/// request joins the one under way; a refusal or a failure is reported, not lost; forgotten an hour after it is done.
/// </summary>
public sealed class PreparedDownloadsTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly PreparedDownloads _downloads;

    public PreparedDownloadsTests() => _downloads = new PreparedDownloads(_clock, NullLogger<PreparedDownloads>.Instance);

    public void Dispose() => _downloads.Dispose();

    [Fact]
    public async Task A_download_shows_each_part_as_it_is_made_then_its_file_and_name()
    {
        var firstDone = new TaskCompletionSource();
        var download = _downloads.Start("board@demo.org", "board|UPR-VFP|2026", "Board workbook", "application/test", 2, async (output, step, ct) =>
        {
            step("Reading");
            output.Write("first part "u8);
            await output.FlushAsync(ct);
            await firstDone.Task.WaitAsync(ct);
            step("Writing");
            output.Write("second part"u8);
            return "board.xlsx";
        });

        await Until(() => download.Progress.Step == 1 && download.Bytes > 0);
        Assert.Equal(DownloadState.Preparing, download.Progress.State);
        Assert.Equal("Reading", download.Progress.Stage);
        Assert.Equal("first part ".Length, download.Bytes);

        firstDone.SetResult();
        await Until(() => download.Progress.State == DownloadState.Ready);
        Assert.Equal(2, download.Progress.Step);
        Assert.Equal("board.xlsx", download.Progress.FileName);
        Assert.Equal("first part second part", await File.ReadAllTextAsync(download.Path));
    }

    [Fact]
    public async Task A_download_is_found_by_its_owner_alone_and_the_same_request_under_way_is_joined()
    {
        var release = new TaskCompletionSource();
        var started = 0;
        Task<string> Write(Stream output, Action<string> step, CancellationToken ct)
        {
            Interlocked.Increment(ref started);
            step("Writing");
            return release.Task.WaitAsync(ct).ContinueWith(_ => "export.zip", ct);
        }

        var first = _downloads.Start("auditor@demo.org", "export|VFTC|csv", "Export", "application/zip", 1, Write);
        var again = _downloads.Start("auditor@demo.org", "export|VFTC|csv", "Export", "application/zip", 1, Write);
        var otherUser = _downloads.Start("board@demo.org", "export|VFTC|csv", "Export", "application/zip", 1, Write);

        Assert.Same(first, again);
        Assert.NotSame(first, otherUser);
        Assert.Same(first, _downloads.Find(first.Id, "auditor@demo.org"));
        Assert.Null(_downloads.Find(first.Id, "board@demo.org"));
        Assert.Null(_downloads.Find(first.Id, null));
        Assert.Same(first, _downloads.Latest("auditor@demo.org", "export|VFTC|csv"));

        release.SetResult();
        await Until(() => first.Progress.State == DownloadState.Ready && otherUser.Progress.State == DownloadState.Ready);
        Assert.Equal(2, started);
    }

    [Fact]
    public async Task A_refusal_is_shown_with_its_message_and_a_failure_with_a_reference_to_the_log()
    {
        var refused = _downloads.Start("board@demo.org", "board|NOPE|2026", "Board workbook", "application/test", 2, (_, step, _) =>
        {
            step("Reading");
            throw RuleViolation.Of(BusinessRule.EntityNotFound, "Fund NOPE does not exist.", "fund");
        });
        var failed = _downloads.Start("board@demo.org", "board|VFTC|2026", "Board workbook", "application/test", 2, (_, _, _) =>
            throw new IOException("disk full"));

        await Until(() => refused.Progress.State == DownloadState.Failed && failed.Progress.State == DownloadState.Failed);
        Assert.Equal("Fund NOPE does not exist.", refused.Progress.Problem);
        Assert.Matches("^The file could not be made \\(reference [0-9a-f]{8} in the program's log\\)\\.$", failed.Progress.Problem);
        Assert.DoesNotContain("disk full", failed.Progress.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_download_is_forgotten_and_its_file_deleted_an_hour_after_it_is_done()
    {
        var download = _downloads.Start("board@demo.org", "narrative|VFTC|2026", "Narrative", "application/test", 1, (output, step, _) =>
        {
            step("Writing");
            output.Write("report"u8);
            return Task.FromResult("narrative.docx");
        });
        await Until(() => download.Progress.State == DownloadState.Ready);

        _clock.Now += TimeSpan.FromMinutes(59);
        _downloads.Start("board@demo.org", "other", "Other", "application/test", 1, (_, _, _) => Task.FromResult("other"));
        Assert.Same(download, _downloads.Find(download.Id, "board@demo.org"));

        _clock.Now += TimeSpan.FromMinutes(2);
        _downloads.Start("board@demo.org", "another", "Another", "application/test", 1, (_, _, _) => Task.FromResult("another"));
        Assert.Null(_downloads.Find(download.Id, "board@demo.org"));
        Assert.False(File.Exists(download.Path));
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The download did not get there in time.");
            await Task.Delay(10);
        }
    }
}
