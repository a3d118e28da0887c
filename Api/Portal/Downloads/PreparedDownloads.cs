using System.Collections.Concurrent;
using System.Security.Claims;
using FundManager.Common;
using Microsoft.AspNetCore.Authorization;

namespace FundManager.Api.Portal.Downloads;

/// <summary>
/// Files the pages prepare in the background (the Board workbook, the narrative report, the ledger export), so the page
/// stays usable and shows progress while the file is made. Each is written to a private temporary folder, fetched by
/// its owner alone at <c>/downloads/{id}</c>, and forgotten an hour after it is done. Two are made at a time; the same
/// request from the same user while one is under way joins it rather than starting another.
/// </summary>
public sealed class PreparedDownloads : IDisposable
{
    public const string Path = "/downloads";
    private const int AtATime = 2;
    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, PreparedDownload> _downloads = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots = new(AtATime);
    private readonly CancellationTokenSource _stopping = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("fundmanager-downloads-").FullName;
    private readonly TimeProvider _clock;
    private readonly ILogger<PreparedDownloads> _log;

    public PreparedDownloads(TimeProvider clock, ILogger<PreparedDownloads> log)
    {
        _clock = clock;
        _log = log;
    }

    /// <summary>
    /// Starts making a file for <paramref name="owner"/> with <paramref name="write"/>, which writes it to the stream it is
    /// given, names each of its <paramref name="steps"/> parts as it begins them, and returns the file's name.
    /// </summary>
    public PreparedDownload Start(
        string owner, string key, string title, string contentType, int steps, Func<Stream, Action<string>, CancellationToken, Task<string>> write)
    {
        Forget();
        var running = _downloads.Values.FirstOrDefault(d => d.Owner == owner && d.Key == key && d.Progress.State is DownloadState.Waiting or DownloadState.Preparing);
        if (running is not null)
        {
            return running;
        }

        var id = Guid.NewGuid().ToString("N");
        var download = new PreparedDownload(id, owner, key, title, contentType, steps, System.IO.Path.Combine(_folder, id), _clock.GetUtcNow());
        _downloads[id] = download;
        _ = Task.Run(() => MakeAsync(download, write));
        return download;
    }

    /// <summary>The latest download of <paramref name="key"/> for <paramref name="owner"/>, for a page shown again while it is made or once made.</summary>
    public PreparedDownload? Latest(string owner, string key) =>
        _downloads.Values.Where(d => d.Owner == owner && d.Key == key).MaxBy(d => d.Started);

    public PreparedDownload? Find(string id, string? owner) =>
        _downloads.TryGetValue(id, out var download) && download.Owner == owner ? download : null;

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path + "/{id}", (string id, HttpContext http, PreparedDownloads downloads) =>
                downloads.Find(id, OwnerOf(http.User)) is { Progress: { State: DownloadState.Ready, FileName: { } name } } ready
                    ? Results.File(ready.Path, ready.ContentType, name)
                    : Results.NotFound())
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = PortalSignIn.Scheme })
            .ExcludeFromDescription();

    /// <summary>Whose a download is: the signed-in user's email.</summary>
    public static string? OwnerOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Name);

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _slots.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open as the program stops is left to the system's temporary folder.
        }
    }

    private async Task MakeAsync(PreparedDownload download, Func<Stream, Action<string>, CancellationToken, Task<string>> write)
    {
        var ct = _stopping.Token;
        try
        {
            await _slots.WaitAsync(ct);
            try
            {
                string name;
                await using (var output = new FileStream(download.Path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 64 * 1024, useAsync: true))
                {
                    name = await write(output, download.Begin, ct);
                }

                download.Complete(name, _clock.GetUtcNow());
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (RuleViolation refused)
        {
            download.Fail(refused.Message, _clock.GetUtcNow());
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            download.Fail("The program stopped before the file was ready.", _clock.GetUtcNow());
        }
        catch (Exception e)
        {
            var reference = Guid.NewGuid().ToString("N")[..8];
            _log.LogError(e, "Preparing {Title} for {Owner} failed (reference {Reference})", download.Title, download.Owner, reference);
            download.Fail($"The file could not be made (reference {reference} in the program's log).", _clock.GetUtcNow());
        }
    }

    // Downloads done more than an hour ago are forgotten, their files deleted.
    private void Forget()
    {
        var before = _clock.GetUtcNow() - KeptFor;
        foreach (var old in _downloads.Values.Where(d => d.Finished < before))
        {
            if (_downloads.TryRemove(old.Id, out _))
            {
                File.Delete(old.Path);
            }
        }
    }
}
