using System.Buffers;

namespace FundManager.Reporting.Exports;

/// <summary>A whole CSV record as bytes, without its line end.</summary>
internal delegate void RecordAction(ReadOnlySpan<byte> record);

/// <summary>
/// The records and fields of CSV that PostgreSQL's COPY writes, read as UTF-8 bytes and never decoded: the quote, the
/// comma and the line feed are single bytes that never occur inside a multi-byte character. COPY ends records with LF;
/// a line break inside a quoted field belongs to the field.
/// </summary>
internal static class CopiedRecords
{
    private const int Block = 1 << 16;
    private static readonly SearchValues<byte> QuoteOrLineFeed = SearchValues.Create("\"\n"u8);

    /// <summary>Hands every record to <paramref name="onRecord"/> in order, calling <paramref name="afterBlock"/> after each block read.</summary>
    public static async Task ForEachAsync(Stream copy, RecordAction onRecord, Func<ValueTask> afterBlock, CancellationToken ct)
    {
        var buffer = new byte[Block];
        var filled = 0;
        var scanned = 0;
        var quoted = false;
        while (true)
        {
            if (filled == buffer.Length)
            {
                // A record longer than the buffer (a very long description): make room for it whole.
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = await copy.ReadAsync(buffer.AsMemory(filled), ct);
            if (read == 0)
            {
                break;
            }

            filled += read;
            var used = Split(buffer.AsSpan(0, filled), ref scanned, ref quoted, onRecord);
            buffer.AsSpan(used, filled - used).CopyTo(buffer);
            filled -= used;
            scanned -= used;
            await afterBlock();
        }

        if (filled > 0)
        {
            throw new InvalidDataException("The database's CSV ended inside a record.");
        }
    }

    /// <summary>
    /// Where each field of a record lies, quotes included (a quoted field is copied as it is, never unquoted), into
    /// <paramref name="fields"/>; returns how many fields the record has.
    /// </summary>
    public static int Fields(ReadOnlySpan<byte> record, Span<Range> fields)
    {
        var count = 0;
        var start = 0;
        while (true)
        {
            var end = start;
            if (end < record.Length && record[end] == (byte)'"')
            {
                // A quoted field ends at a quote not doubled.
                end++;
                while (true)
                {
                    var quote = record[end..].IndexOf((byte)'"');
                    if (quote < 0)
                    {
                        throw new InvalidDataException("A quoted field of the database's CSV is not closed.");
                    }

                    end += quote + 1;
                    if (end < record.Length && record[end] == (byte)'"')
                    {
                        end++;
                        continue;
                    }

                    break;
                }
            }
            else
            {
                var comma = record[end..].IndexOf((byte)',');
                end = comma < 0 ? record.Length : end + comma;
            }

            if (count == fields.Length)
            {
                throw new InvalidDataException($"A record of the database's CSV has more than {fields.Length} fields.");
            }

            fields[count++] = start..end;
            if (end >= record.Length)
            {
                return count;
            }

            start = end + 1;
        }
    }

    // Returns how many bytes the records handed on took; the rest is the start of a record still coming.
    private static int Split(ReadOnlySpan<byte> data, ref int scanned, ref bool quoted, RecordAction onRecord)
    {
        var start = 0;
        var at = scanned;
        while (true)
        {
            var next = data[at..].IndexOfAny(QuoteOrLineFeed);
            if (next < 0)
            {
                scanned = data.Length;
                return start;
            }

            at += next;
            if (data[at] == (byte)'"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                onRecord(data[start..at]);
                start = at + 1;
            }

            at++;
        }
    }
}
