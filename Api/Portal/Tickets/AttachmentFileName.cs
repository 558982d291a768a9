using System.Globalization;
using System.Text;

namespace Api.Portal.Tickets;

/// <summary>
/// The name an attachment is stored and downloaded under: the browser's name without any folder,
/// without invisible characters (controls, and format characters such as the bidi override U+202E
/// that makes "evil[U+202E]gnp.hta" display as "evilath.png"), without characters Windows refuses, and ending
/// in the extension of the kind its bytes proved, not in whatever the uploader wrote.
/// </summary>
public static class AttachmentFileName
{
    private const int MaxLength = 255;
    private const string Fallback = "attachment";

    /// <summary>Only for a stored type no kind knows (none today): a name nothing on the desktop opens.</summary>
    private static readonly AttachmentKind Binary = new([".bin"], "application/octet-stream", [], _ => ContentProof.Disagrees);

    /// <summary>
    /// The last segment of the browser's name with every Control and Format character removed:
    /// U+202A–U+202E, U+2066–U+2069, U+200E, U+200F and U+061C (bidi), zero-width characters and
    /// Unicode tag characters are all of category Format; line and paragraph separators too.
    /// </summary>
    public static string Clean(string? sent)
    {
        var name = (sent ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var kept = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            // A lone surrogate comes out as U+FFFD: dropped with the rest.
            if (rune != Rune.ReplacementChar && !IsInvisible(rune) && !IsReservedOnWindows(rune))
            {
                kept.Append(rune.ToString());
            }
        }

        // Windows drops trailing dots and spaces, so "x.hta." would still be an .hta there.
        return kept.ToString().TrimEnd(' ', '.').TrimStart(' ');
    }

    /// <summary>The cleaned name's extension in lower case with its dot, or "" when it has none.</summary>
    public static string ExtensionOf(string cleanName)
    {
        var dot = cleanName.LastIndexOf('.');
        return dot < 0 ? "" : cleanName[dot..].ToLowerInvariant();
    }

    /// <summary>The stored name: the cleaned name's stem (or "attachment") and the kind's canonical extension.</summary>
    public static string Stored(string? sent, AttachmentKind kind)
    {
        var clean = Clean(sent);
        var dot = clean.LastIndexOf('.');
        var stem = (dot < 0 ? clean : clean[..dot]).Trim(' ', '.');
        if (stem.Length == 0)
        {
            stem = Fallback;
        }

        var room = MaxLength - kind.Extension.Length;
        if (stem.Length > room)
        {
            // Never cut a surrogate pair in half.
            stem = stem[..(char.IsHighSurrogate(stem[room - 1]) ? room - 1 : room)];
        }

        return stem + kind.Extension;
    }

    /// <summary>
    /// The name a download is offered under: cleaned again, so that a name stored before these rules
    /// (with a bidi override, or an .xlsm stored as a ZIP) cannot reach a technician's disk as it was.
    /// </summary>
    public static string ForDownload(string stored, string contentType) =>
        AttachmentTypes.OfStored(contentType, Clean(stored)) is { } kind ? Stored(stored, kind) : Stored(stored, Binary);

    private static bool IsInvisible(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static bool IsReservedOnWindows(Rune rune) => rune.Value is '"' or ':' or '*' or '?' or '<' or '>' or '|';
}
