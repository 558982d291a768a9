using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Api.Development;

/// <summary>
/// Contoso's development logo: a real PNG (a white "C" on the partner's colour), drawn here so
/// that the repository carries no binary and the seed needs no image library.
/// </summary>
public static class DevelopmentLogo
{
    private const int Size = 64;

    public static byte[] Png(byte red, byte green, byte blue)
    {
        // Raw scanlines: a filter byte (0, none) then RGB for each pixel.
        var raw = new byte[Size * (1 + Size * 3)];
        var center = (Size - 1) / 2.0;
        for (var y = 0; y < Size; y++)
        {
            var row = y * (1 + Size * 3);
            for (var x = 0; x < Size; x++)
            {
                var (dx, dy) = (x - center, y - center);
                var radius = Math.Sqrt(dx * dx + dy * dy);
                // A ring open on the right: the letter C.
                var letter = radius is >= 14 and <= 22 && !(dx > 6 && Math.Abs(dy) < 9);
                var pixel = row + 1 + x * 3;
                (raw[pixel], raw[pixel + 1], raw[pixel + 2]) = letter ? ((byte)255, (byte)255, (byte)255) : (red, green, blue);
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Size);
        header[8] = 8; // bits per channel
        header[9] = 2; // truecolour RGB; compression, filter and interlace stay 0
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            Chunk(png, "IDAT", compressed.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32([.. typeBytes, .. data]));
        png.Write(number);
    }

    // The CRC-32 PNG chunks end with (ISO 3309, polynomial 0xEDB88320).
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
