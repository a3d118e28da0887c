using System.Buffers.Binary;

namespace FundManager.Reporting.Exports;

/// <summary>A general-ledger line waiting to be written: its key (date, sequence, line) and amounts.</summary>
internal readonly record struct SpilledLine(DateOnly Date, long Sequence, int Line, decimal Debit, decimal Credit) : IComparable<SpilledLine>
{
    /// <summary>The bytes of a spilled line's header: the description's length, the key and the two amounts.</summary>
    public const int Size = 4 + 4 + 8 + 4 + 16 + 16;

    /// <summary>The general ledger's order within an account.</summary>
    public int CompareTo(SpilledLine other) =>
        Date != other.Date ? Date.CompareTo(other.Date) : Sequence != other.Sequence ? Sequence.CompareTo(other.Sequence) : Line.CompareTo(other.Line);

    public void Write(Span<byte> header, int descriptionLength)
    {
        BinaryPrimitives.WriteInt32LittleEndian(header, descriptionLength);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], Date.DayNumber);
        BinaryPrimitives.WriteInt64LittleEndian(header[8..], Sequence);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], Line);
        WriteDecimal(header[20..], Debit);
        WriteDecimal(header[36..], Credit);
    }

    public static SpilledLine Read(ReadOnlySpan<byte> header, out int descriptionLength)
    {
        descriptionLength = BinaryPrimitives.ReadInt32LittleEndian(header);
        return new SpilledLine(
            DateOnly.FromDayNumber(BinaryPrimitives.ReadInt32LittleEndian(header[4..])),
            BinaryPrimitives.ReadInt64LittleEndian(header[8..]),
            BinaryPrimitives.ReadInt32LittleEndian(header[16..]),
            ReadDecimal(header[20..]),
            ReadDecimal(header[36..]));
    }

    private static void WriteDecimal(Span<byte> into, decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        for (var i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(into[(4 * i)..], bits[i]);
        }
    }

    private static decimal ReadDecimal(ReadOnlySpan<byte> from)
    {
        Span<int> bits = stackalloc int[4];
        for (var i = 0; i < 4; i++)
        {
            bits[i] = BinaryPrimitives.ReadInt32LittleEndian(from[(4 * i)..]);
        }

        return new decimal(bits);
    }
}
