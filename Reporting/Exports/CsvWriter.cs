using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace FundManager.Reporting.Exports;

/// <summary>
/// RFC 4180 text: fields separated by commas, records ended by CRLF, a field quoted when it holds a comma, a quote, a CR
/// or an LF, quotes inside doubled. UTF-8 without a byte-order mark. Written as bytes into a buffer — numbers and dates
/// formatted in place, invariant culture — because an export writes millions of fields.
/// </summary>
public sealed class CsvWriter(Stream output) : IDisposable
{
    private static readonly SearchValues<char> Special = SearchValues.Create(",\"\r\n");
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _used;
    private bool _fieldWritten;
    private bool _disposed;

    /// <summary>The number of records written, the header included.</summary>
    public long Records { get; private set; }

    /// <summary>A whole record of text fields (null or empty: an empty field).</summary>
    public void Record(IReadOnlyList<string?> fields)
    {
        foreach (var field in fields)
        {
            Text(field);
        }

        EndRecord();
    }

    /// <summary>The next field: text, quoted only when it must be.</summary>
    public void Text(string? value)
    {
        Separator();
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(Special) < 0)
        {
            Chars(value);
            return;
        }

        Byte((byte)'"');
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '"')
            {
                Chars(value.AsSpan(start, i + 1 - start));
                start = i;
            }
        }

        Chars(value.AsSpan(start));
        Byte((byte)'"');
    }

    public void Integer(long value)
    {
        Separator();
        Ensure(24);
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_used), out var written);
        _used += written;
    }

    /// <summary>A decimal with exactly <paramref name="decimals"/> places (F2, F4), as the hash chain writes amounts.</summary>
    public void Fixed(decimal value, byte decimals)
    {
        Separator();
        Ensure(48);
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_used), out var written, new StandardFormat('F', decimals));
        _used += written;
    }

    /// <summary>An ISO date: <c>2025-12-31</c>.</summary>
    public void Date(DateOnly value)
    {
        Separator();
        Ensure(10);
        var span = _buffer.AsSpan(_used);
        Utf8Formatter.TryFormat(value.Year, span, out _, new StandardFormat('D', 4));
        span[4] = (byte)'-';
        Utf8Formatter.TryFormat(value.Month, span[5..], out _, new StandardFormat('D', 2));
        span[7] = (byte)'-';
        Utf8Formatter.TryFormat(value.Day, span[8..], out _, new StandardFormat('D', 2));
        _used += 10;
    }

    /// <summary>One or more fields already written as CSV (quoted where they must be), such as a record copied from another CSV.</summary>
    public void Fields(ReadOnlySpan<byte> csv)
    {
        Separator();
        if (csv.Length > _buffer.Length)
        {
            output.Write(_buffer, 0, _used);
            _used = 0;
            output.Write(csv);
            return;
        }

        Ensure(csv.Length);
        csv.CopyTo(_buffer.AsSpan(_used));
        _used += csv.Length;
    }

    public void EndRecord()
    {
        Ensure(2);
        _buffer[_used++] = (byte)'\r';
        _buffer[_used++] = (byte)'\n';
        _fieldWritten = false;
        Records++;
    }

    /// <summary>One field as RFC 4180 writes it: quoted only when it must be.</summary>
    public static string Field(string? value) =>
        string.IsNullOrEmpty(value) || value.AsSpan().IndexOfAny(Special) < 0 ? value ?? "" : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Writes what is buffered to the output.</summary>
    public void Flush()
    {
        output.Write(_buffer, 0, _used);
        _used = 0;
        output.Flush();
    }

    public void Dispose()
    {
        // Disposed twice (by its table, then by a using) it writes once.
        if (!_disposed)
        {
            Flush();
            _disposed = true;
        }
    }

    private void Separator()
    {
        if (_fieldWritten)
        {
            Byte((byte)',');
        }

        _fieldWritten = true;
    }

    private void Byte(byte value)
    {
        Ensure(1);
        _buffer[_used++] = value;
    }

    private void Chars(ReadOnlySpan<char> chars)
    {
        while (!chars.IsEmpty)
        {
            var take = Math.Min(chars.Length, (_buffer.Length - _used) / 3);
            if (take < chars.Length && take > 0 && char.IsHighSurrogate(chars[take - 1]))
            {
                take--;
            }

            if (take == 0)
            {
                output.Write(_buffer, 0, _used);
                _used = 0;
                continue;
            }

            _used += Encoding.UTF8.GetBytes(chars[..take], _buffer.AsSpan(_used));
            chars = chars[take..];
        }
    }

    private void Ensure(int bytes)
    {
        if (_buffer.Length - _used < bytes)
        {
            output.Write(_buffer, 0, _used);
            _used = 0;
        }
    }
}
