using System.Buffers.Binary;
using System.IO.Compression;

namespace Api.Portal.Tickets;

/// <summary>
/// Opens an uploaded ZIP (or Office document) to look at its entry names, never extracting it.
/// Bounded: the entry count announced at the end of the archive is checked before the central
/// directory is read, and an entry is only ever read up to a small cap (a deflate bomb stops there).
/// </summary>
public static class ZipInspection
{
    /// <summary>Far more than a log bundle holds; each entry costs memory while the directory is read.</summary>
    public const int MaxEntries = 10_000;

    /// <summary>The end-of-central-directory record: signature (4), disk numbers (2 + 2), entries on disk (2), entries (2), …, comment length (2).</summary>
    private const int EndRecordLength = 22;

    /// <summary>
    /// The archive, or null when the bytes do not start as a ZIP (a self-extracting program has its
    /// ZIP at the end: <see cref="ZipArchive"/> would open it), are damaged, or hold too many entries.
    /// </summary>
    public static ZipArchive? Open(byte[] content)
    {
        if (!content.AsSpan().StartsWith("PK\x03\x04"u8) && !content.AsSpan().StartsWith("PK\x05\x06"u8))
        {
            return null;
        }

        if (AnnouncedEntries(content) is not { } entries || entries > MaxEntries)
        {
            return null;
        }

        ZipArchive? archive = null;
        try
        {
            archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);

            // Reads the whole central directory now, so that damage shows here and not in a caller.
            _ = archive.Entries.Count;
            return archive;
        }
        catch (InvalidDataException)
        {
            archive?.Dispose();
            return null;
        }
    }

    /// <summary>The entry of that name (ZIP names are case-sensitive, Office part names are not).</summary>
    public static ZipArchiveEntry? Find(ZipArchive archive, string name) =>
        archive.Entries.FirstOrDefault(e => string.Equals(e.FullName, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The entry's bytes, or null when it expands to more than <paramref name="maxBytes"/> or cannot be read.</summary>
    public static byte[]? ReadSmall(ZipArchiveEntry entry, int maxBytes)
    {
        if (entry.Length > maxBytes)
        {
            return null;
        }

        try
        {
            using var stream = entry.Open();
            var buffer = new byte[maxBytes + 1];
            var total = 0;
            int read;

            // The announced length may lie: stop one byte past the cap whatever it said.
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
            }

            return total > maxBytes ? null : buffer[..total];
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The entry count of the last end-of-central-directory record, or null when there is none (ZIP64 announces 0xFFFF: too many).</summary>
    private static int? AnnouncedEntries(byte[] content)
    {
        var last = content.Length - EndRecordLength;
        var first = Math.Max(0, last - ushort.MaxValue);
        for (var i = last; i >= first; i--)
        {
            if (content.AsSpan(i).StartsWith("PK\x05\x06"u8))
            {
                return BinaryPrimitives.ReadUInt16LittleEndian(content.AsSpan(i + 10));
            }
        }

        return null;
    }
}
