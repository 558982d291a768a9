using System.Text.Unicode;

namespace Api.Portal.Tickets;

/// <summary>The first bytes (or, for text, all bytes) that prove a picture, a PDF or a text file.</summary>
public static class FileSignatures
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];

    public static ContentProof Png(byte[] bytes) => Proof(bytes.AsSpan().StartsWith(PngSignature));

    public static ContentProof Jpeg(byte[] bytes) => Proof(bytes.AsSpan().StartsWith(JpegSignature));

    public static ContentProof Gif(byte[] bytes) => Proof(bytes.AsSpan().StartsWith("GIF87a"u8) || bytes.AsSpan().StartsWith("GIF89a"u8));

    public static ContentProof WebP(byte[] bytes) =>
        Proof(bytes.Length >= 12 && bytes.AsSpan().StartsWith("RIFF"u8) && bytes.AsSpan(8, 4).SequenceEqual("WEBP"u8));

    public static ContentProof Pdf(byte[] bytes) => Proof(bytes.AsSpan().StartsWith("%PDF-"u8));

    /// <summary>Valid UTF-8 with no NUL and no control characters other than tab, line breaks and form feed.</summary>
    public static ContentProof PlainText(byte[] bytes)
    {
        if (bytes.Length == 0 || !Utf8.IsValid(bytes))
        {
            return ContentProof.Disagrees;
        }

        foreach (var b in bytes)
        {
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not (byte)'\f')
            {
                return ContentProof.Disagrees;
            }
        }

        return ContentProof.Proven;
    }

    private static ContentProof Proof(bool proven) => proven ? ContentProof.Proven : ContentProof.Disagrees;
}
