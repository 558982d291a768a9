using System.Security.Cryptography;

namespace Api.Portal.Branding;

/// <summary>
/// A logo as the portal accepts it: PNG, JPEG or WebP recognised by its first bytes (never by its
/// name or the type the browser claims), at most <see cref="MaxBytes"/>. SVG is refused whatever
/// it is called: it can carry script.
/// </summary>
public sealed record LogoImage(byte[] Bytes, string ContentType)
{
    public const int MaxBytes = 256 * 1024;

    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    /// <summary>The logo's public id: the SHA-256 of its bytes, lower-case hex.</summary>
    public string Id => Convert.ToHexStringLower(SHA256.HashData(Bytes));

    /// <summary>The image these bytes are, or null when they are none of the accepted types.</summary>
    public static LogoImage? Recognise(byte[] bytes)
    {
        var type = bytes.AsSpan() switch
        {
            var b when b.StartsWith(Png) => "image/png",
            var b when b.StartsWith(Jpeg) => "image/jpeg",
            // RIFF <size> WEBP
            var b when b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8) => "image/webp",
            _ => null,
        };
        return type is null ? null : new LogoImage(bytes, type);
    }
}
