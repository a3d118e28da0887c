namespace FundManager.Reporting.Exports;

/// <summary>Where an export's files go: a directory, or the entries of a zip streamed to a client.</summary>
public interface IExportTarget
{
    /// <summary>Opens the next file for writing. A zip takes one file at a time (dispose it before creating the next); a directory several.</summary>
    Stream Create(string name);

    /// <summary>A point where the target may pass on what was written so far without blocking a thread.</summary>
    ValueTask FlushAsync(CancellationToken ct);
}
