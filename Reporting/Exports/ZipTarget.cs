using System.IO.Compression;

namespace FundManager.Reporting.Exports;

/// <summary>
/// Writes an export's files as the entries of one zip, front to back (<see cref="ZipArchiveMode.Create"/>), onto an output
/// that need not seek, such as an HTTP response. Bytes reach the output only at <see cref="FlushAsync"/> and
/// <see cref="CompleteAsync"/>, asynchronously.
/// </summary>
public sealed class ZipTarget : IExportTarget, IAsyncDisposable
{
    private readonly PendingBytesStream _pending;
    private readonly ZipArchive _zip;
    private readonly DateTimeOffset _modified;
    private bool _completed;

    /// <param name="output">Where the zip goes; left open.</param>
    /// <param name="modified">The time the entries say they were written (the export's clock, so the zip does not depend on the server's).</param>
    public ZipTarget(Stream output, DateTimeOffset modified)
    {
        _pending = new PendingBytesStream(output);
        _zip = new ZipArchive(_pending, ZipArchiveMode.Create, leaveOpen: true, System.Text.Encoding.UTF8);
        _modified = modified;
    }

    public Stream Create(string name)
    {
        // A workbook is a zip already: storing it again compressed would spend time for nothing.
        var level = name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? CompressionLevel.NoCompression : CompressionLevel.Optimal;
        var entry = _zip.CreateEntry(name, level);
        entry.LastWriteTime = _modified;
        return entry.Open();
    }

    public ValueTask FlushAsync(CancellationToken ct) => _pending.DrainAsync(ct);

    /// <summary>Writes the zip's central directory and sends the rest.</summary>
    public async ValueTask CompleteAsync(CancellationToken ct)
    {
        _zip.Dispose();
        _completed = true;
        await _pending.DrainAsync(ct);
    }

    public ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            // An export that failed half-way must not end as a well-formed zip: its central directory is never written.
            _pending.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
