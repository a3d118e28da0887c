namespace FundManager.Api.Portal.Downloads;

/// <summary>
/// A file being prepared for one user in the background: what it is, how far it has got (the part being written, of
/// how many, and the bytes so far), and once done its name, or what went wrong.
/// </summary>
public sealed class PreparedDownload(string id, string owner, string key, string title, string contentType, int steps, string path, DateTimeOffset started)
{
    private volatile DownloadProgress _progress = new(DownloadState.Waiting, 0, "Waiting for other downloads to finish", null, null);

    public string Id { get; } = id;

    public string Owner { get; } = owner;

    /// <summary>What was asked for (kind and parameters): the same request from the same user joins this one.</summary>
    public string Key { get; } = key;

    public string Title { get; } = title;

    public string ContentType { get; } = contentType;

    public int Steps { get; } = steps;

    public DateTimeOffset Started { get; } = started;

    public DownloadProgress Progress => _progress;

    /// <summary>The bytes written so far, read from the file itself.</summary>
    public long Bytes => File.Exists(Path) ? new FileInfo(Path).Length : 0;

    internal string Path { get; } = path;

    internal DateTimeOffset? Finished { get; private set; }

    internal void Begin(string stage) => _progress = _progress with { State = DownloadState.Preparing, Step = _progress.Step + 1, Stage = stage };

    internal void Complete(string fileName, DateTimeOffset at)
    {
        Finished = at;
        _progress = new DownloadProgress(DownloadState.Ready, Steps, "Ready", fileName, null);
    }

    internal void Fail(string problem, DateTimeOffset at)
    {
        Finished = at;
        _progress = _progress with { State = DownloadState.Failed, Problem = problem };
    }
}

public enum DownloadState
{
    Waiting,
    Preparing,
    Ready,
    Failed,
}

/// <summary>Where a download has got: its part <see cref="Step"/> (from 1) is <see cref="Stage"/>.</summary>
public sealed record DownloadProgress(DownloadState State, int Step, string Stage, string? FileName, string? Problem);
