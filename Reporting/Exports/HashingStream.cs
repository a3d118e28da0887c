using System.Security.Cryptography;

namespace FundManager.Reporting.Exports;

/// <summary>
/// A write-only pass-through that computes the SHA-256 and length of everything written, so a file's manifest entry is
/// known the moment the file is complete without reading it back or holding it in memory.
/// </summary>
internal sealed class HashingStream(Stream inner) : Stream
{
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[]? _hash;

    public long BytesWritten { get; private set; }

    /// <summary>The SHA-256 of what was written; call once writing is over (it ends the hash).</summary>
    public byte[] Hash => _hash ??= _sha.GetHashAndReset();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesWritten;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_hash is not null)
        {
            throw new InvalidOperationException("The hash has been taken; nothing more may be written.");
        }

        _sha.AppendData(buffer);
        BytesWritten += buffer.Length;
        inner.Write(buffer);
    }

    public override void WriteByte(byte value) => Write([value]);

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_hash is not null)
        {
            throw new InvalidOperationException("The hash has been taken; nothing more may be written.");
        }

        _sha.AppendData(buffer.Span);
        BytesWritten += buffer.Length;
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // The hash outlives the stream: writers dispose their output when they finish, and the manifest is written after.
            _hash ??= _sha.GetHashAndReset();
            inner.Dispose();
            _sha.Dispose();
        }

        base.Dispose(disposing);
    }
}
