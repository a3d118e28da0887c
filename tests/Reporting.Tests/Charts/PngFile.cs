using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace FundManager.Reporting.Tests.Charts;

/// <summary>
/// A PNG read back the way a viewer would, written for the tests independently of the encoder: chunks with their
/// stored CRCs, the header fields, the inflated image data and the pixels after undoing each row's filter.
/// </summary>
internal sealed class PngFile
{
    public static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    private PngFile(IReadOnlyList<PngChunk> chunks)
    {
        Chunks = chunks;
        var header = chunks[0].Data;
        Width = BinaryPrimitives.ReadInt32BigEndian(header);
        Height = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4));
        BitDepth = header[8];
        ColourType = header[9];
        BytesPerPixel = ColourType == 6 ? 4 : 3;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(chunks.Where(c => c.Type == "IDAT").SelectMany(c => c.Data).ToArray()), CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        ImageData = inflated.ToArray();
    }

    public IReadOnlyList<PngChunk> Chunks { get; }

    public int Width { get; }

    public int Height { get; }

    public int BitDepth { get; }

    public int ColourType { get; }

    public int BytesPerPixel { get; }

    /// <summary>The IDAT stream inflated: per row, a filter byte then the filtered pixels.</summary>
    public byte[] ImageData { get; }

    public static PngFile Read(byte[] bytes)
    {
        if (!bytes.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException("No PNG signature.");
        }

        var chunks = new List<PngChunk>();
        for (var at = 8; at < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            var type = Encoding.ASCII.GetString(bytes, at + 4, 4);
            var data = bytes.AsSpan(at + 8, length).ToArray();
            var crc = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at + 8 + length));
            chunks.Add(new PngChunk(type, data, crc, BitwiseCrc(bytes.AsSpan(at + 4, 4 + length))));
            at += 12 + length;
        }

        return new PngFile(chunks);
    }

    /// <summary>The pixels, <see cref="BytesPerPixel"/> bytes each, after reversing the five PNG filters.</summary>
    public byte[] Pixels()
    {
        var stride = Width * BytesPerPixel;
        var pixels = new byte[Height * stride];
        for (var y = 0; y < Height; y++)
        {
            var filter = ImageData[y * (stride + 1)];
            for (var i = 0; i < stride; i++)
            {
                var raw = ImageData[y * (stride + 1) + 1 + i];
                int left = i >= BytesPerPixel ? pixels[y * stride + i - BytesPerPixel] : 0;
                int up = y > 0 ? pixels[(y - 1) * stride + i] : 0;
                int upLeft = y > 0 && i >= BytesPerPixel ? pixels[(y - 1) * stride + i - BytesPerPixel] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"Unknown filter {filter} on row {y}."),
                };
                pixels[y * stride + i] = (byte)((raw + predictor) & 0xFF);
            }
        }

        return pixels;
    }

    /// <summary>CRC-32 computed bit by bit from the polynomial, sharing nothing with the encoder's table.</summary>
    public static uint BitwiseCrc(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in data)
        {
            crc ^= value;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
