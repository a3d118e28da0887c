namespace FundManager.Reporting.Exports;

/// <summary>Where an export's files go: a directory, or the entries of a zip streamed to a client.</summary>
public interface IExportTarget
{
    /// <summary>Opens the next file for writing. Only one file is open at a time; dispose it before creating the next.</summary>
    Stream Create(string name);

    /// <summary>A point where the target may pass on what was written so far without blocking a thread.</summary>
    ValueTask FlushAsync(CancellationToken ct);
}
