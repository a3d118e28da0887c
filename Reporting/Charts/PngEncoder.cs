using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace FundManager.Reporting.Charts;

/// <summary>
/// Encodes an RGB pixel buffer as a PNG (ISO/IEC 15948): the signature, an IHDR chunk (8-bit truecolour, not
/// interlaced), one IDAT chunk holding the zlib stream of every row after its filter byte, and IEND.
/// </summary>
internal static class PngEncoder
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    public static byte[] Encode(Raster raster)
    {
        using var png = new MemoryStream();
        png.Write(Signature);
        WriteChunk(png, "IHDR", Header(raster.Width, raster.Height));
        WriteChunk(png, "IDAT", Compress(raster));
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] Header(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per channel
        header[9] = 2; // colour type: truecolour, no alpha (charts are opaque)

        // Bytes 10 to 12 stay zero: deflate compression, adaptive filtering, no interlace.
        return header;
    }

    private static byte[] Compress(Raster raster)
    {
        var stride = raster.Width * Raster.BytesPerPixel;
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < raster.Height; y++)
            {
                // Filter type 0 (none): a chart is flat colour, which deflate already packs tightly, since a row
                // repeating the row above is a back-reference inside its 32 KiB window.
                zlib.WriteByte(0);
                zlib.Write(raster.Pixels, y * stride, stride);
            }
        }

        return compressed.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var body = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type, body);
        data.CopyTo(body, 4);
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        png.Write(body);

        // The CRC covers the chunk type and data, not the length.
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32.Compute(body));
        png.Write(number);
    }
}
