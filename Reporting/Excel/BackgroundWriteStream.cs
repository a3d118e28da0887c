using System.Buffers;
using System.Threading.Channels;

namespace FundManager.Reporting.Excel;

/// <summary>
/// Hands what is written to another thread, which writes it on to the inner stream (compressing, hashing, writing to disk):
/// on a two-core machine, making the rows and compressing them then run side by side. At most a few chunks wait between
/// the two, so memory stays bounded whatever the size; a failure on the other side is raised on the next write or on
/// dispose. Only for inner streams that no one else touches meanwhile.
/// </summary>
internal sealed class BackgroundWriteStream : Stream
{
    private const int ChunkSize = 1 << 16;
    private readonly Stream _inner;
    private readonly Channel<(byte[] Buffer, int Length)> _chunks = Channel.CreateBounded<(byte[], int)>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
    private readonly Task _drain;
    private byte[] _current = ArrayPool<byte>.Shared.Rent(ChunkSize);
    private int _used;
    private long _written;

    public BackgroundWriteStream(Stream inner)
    {
        _inner = inner;
        _drain = Task.Run(DrainAsync);
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            var take = Math.Min(buffer.Length, _current.Length - _used);
            buffer[..take].CopyTo(_current.AsSpan(_used));
            _used += take;
            _written += take;
            buffer = buffer[take..];
            if (_used == _current.Length)
            {
                Hand();
            }
        }
    }

    public override void Flush()
    {
        // Nothing is promised before dispose: the other thread writes at its own pace.
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_chunks.Reader.Completion.IsCompleted)
        {
            if (_used > 0)
            {
                Hand();
            }

            _chunks.Writer.TryComplete();
            _drain.GetAwaiter().GetResult();
            ArrayPool<byte>.Shared.Return(_current);
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Hand()
    {
        if (_drain.IsFaulted)
        {
            _drain.GetAwaiter().GetResult();
        }

        // Blocks only while the other side is eight chunks behind.
        if (!_chunks.Writer.TryWrite((_current, _used)))
        {
            _chunks.Writer.WriteAsync((_current, _used)).AsTask().GetAwaiter().GetResult();
        }

        _current = ArrayPool<byte>.Shared.Rent(ChunkSize);
        _used = 0;
    }

    private async Task DrainAsync()
    {
        await foreach (var (buffer, length) in _chunks.Reader.ReadAllAsync())
        {
            _inner.Write(buffer, 0, length);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
