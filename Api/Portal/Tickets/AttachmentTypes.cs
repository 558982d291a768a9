using System.Text.Unicode;

namespace Api.Portal.Tickets;

/// <summary>
/// Which files a ticket accepts, recognised by their first bytes (never by the name or the type the
/// browser claimed): pictures, PDF, plain text or logs, ZIP. Anything else (executables, HTML, SVG,
/// Office files with macros) is refused, so a download from the portal is never active content.
/// </summary>
public static class AttachmentTypes
{
    public const string Allowed = "a picture (PNG, JPEG, GIF or WebP), a PDF, a text or log file, or a ZIP archive";

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    /// <summary>The content type the bytes prove, or null when they are none of the allowed kinds.</summary>
    public static string? Recognise(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Png))
        {
            return "image/png";
        }

        if (bytes.StartsWith(Jpeg))
        {
            return "image/jpeg";
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        if (bytes.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        // A ZIP archive, or an empty one (PK\x05\x06).
        if (bytes.StartsWith("PK\x03\x04"u8) || bytes.StartsWith("PK\x05\x06"u8))
        {
            return "application/zip";
        }

        return IsPlainText(bytes) ? "text/plain; charset=utf-8" : null;
    }

    /// <summary>Valid UTF-8 with no NUL and no control characters other than tab, line breaks and form feed.</summary>
    private static bool IsPlainText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty || !Utf8.IsValid(bytes))
        {
            return false;
        }

        foreach (var b in bytes)
        {
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not (byte)'\f')
            {
                return false;
            }
        }

        return true;
    }
}
