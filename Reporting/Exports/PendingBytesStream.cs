namespace FundManager.Reporting.Exports;

/// <summary>
/// Lets synchronous writers (<see cref="System.IO.Compression.ZipArchive"/>, the XLSX writer) feed an asynchronous output
/// such as an HTTP response: writes collect in memory, and <see cref="DrainAsync"/> sends them on asynchronously. The export
/// drains after every few rows, so what is held never grows with the size of the export, and no thread blocks on the network.
/// </summary>
internal sealed class PendingBytesStream(Stream output) : Stream
{
    private readonly MemoryStream _pending = new();
    private long _position;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    // ZipArchive asks where it is, to record each entry's offset in the central directory.
    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <summary>How many bytes wait to be drained.</summary>
    public long Pending => _pending.Length;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _pending.Write(buffer);
        _position += buffer.Length;
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>Sends what is pending to the output and forgets it.</summary>
    public async ValueTask DrainAsync(CancellationToken ct)
    {
        if (_pending.Length == 0)
        {
            return;
        }

        await output.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), ct);
        _pending.SetLength(0);
    }

    // Flushing would have to write synchronously; the pending bytes go out at the next drain instead.
    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _pending.Dispose();
        }

        base.Dispose(disposing);
    }
}
