using System.Collections.Frozen;
using Microsoft.Net.Http.Headers;

namespace Api.Portal.Tickets;

/// <summary>
/// The allow-list of files a ticket accepts: what people send a help desk. The name's extension
/// chooses the kind; the type the browser declared and the file's own bytes must then agree with
/// it. Anything else (programs, scripts, HTML, SVG, Office files with macros, Java archives) is
/// refused, because the file ends up opened on a technician's machine.
/// </summary>
public static class AttachmentTypes
{
    /// <summary>Ends every refusal; keep it in step with <see cref="All"/> and the SPA's hint.</summary>
    public const string Accepted =
        "We accept pictures (PNG, JPEG, GIF, WebP), PDF, text files (.txt, .log, .csv), Word, Excel and PowerPoint documents without macros, and .zip files.";

    /// <summary>Office names that say "with macros": refused with the sentence that says so.</summary>
    private static readonly FrozenSet<string> MacroExtensions =
        FrozenSet.Create(StringComparer.Ordinal, ".docm", ".dotm", ".xlsm", ".xltm", ".xlam", ".pptm", ".potm", ".ppsm", ".ppam", ".sldm");

    public static readonly IReadOnlyList<AttachmentKind> All =
    [
        new([".png"], "image/png", ["image/png", "image/x-png"], FileSignatures.Png),
        new([".jpg", ".jpeg"], "image/jpeg", ["image/jpeg", "image/pjpeg", "image/jpg"], FileSignatures.Jpeg),
        new([".gif"], "image/gif", ["image/gif"], FileSignatures.Gif),
        new([".webp"], "image/webp", ["image/webp"], FileSignatures.WebP),
        new([".pdf"], "application/pdf", ["application/pdf", "application/x-pdf"], FileSignatures.Pdf),
        new([".txt"], "text/plain; charset=utf-8", ["text/plain"], FileSignatures.PlainText),
        new([".log"], "text/plain; charset=utf-8", ["text/plain", "text/x-log"], FileSignatures.PlainText),

        // Windows with Excel installed makes browsers declare a .csv as an Excel file.
        new([".csv"], "text/csv; charset=utf-8", ["text/csv", "text/plain", "text/x-csv", "application/csv", "application/vnd.ms-excel"], FileSignatures.PlainText),
        OfficeDocumentProof.Kind(
            ".docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "word/document.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
        OfficeDocumentProof.Kind(
            ".xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xl/workbook.xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
        OfficeDocumentProof.Kind(
            ".pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "ppt/presentation.xml",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
        new([".zip"], "application/zip", ["application/zip", "application/x-zip-compressed", "application/x-zip", "multipart/x-zip"], ZipArchiveProof.Prove),
    ];

    private static readonly FrozenDictionary<string, AttachmentKind> ByExtension =
        All.SelectMany(kind => kind.Extensions.Select(extension => (extension, kind)))
            .ToFrozenDictionary(pair => pair.extension, pair => pair.kind, StringComparer.Ordinal);

    /// <summary>The kind the name, the declared type and the bytes agree on, or why the file is refused.</summary>
    /// <param name="fileName">The uploader's name, already cleaned by <see cref="AttachmentFileName.Clean"/>.</param>
    /// <param name="declaredType">The part's Content-Type; none or application/octet-stream declares nothing.</param>
    public static (AttachmentKind? Kind, AttachmentRefusal Refusal) Check(string fileName, string? declaredType, byte[] content)
    {
        var extension = AttachmentFileName.ExtensionOf(fileName);
        if (!ByExtension.TryGetValue(extension, out var kind))
        {
            return (null, MacroExtensions.Contains(extension) ? AttachmentRefusal.HoldsMacros : AttachmentRefusal.NotAccepted);
        }

        if (!Declares(kind, declaredType))
        {
            return (null, AttachmentRefusal.Disagrees);
        }

        return kind.Prove(content) switch
        {
            ContentProof.Proven => (kind, AttachmentRefusal.None),
            ContentProof.HoldsMacros => (null, AttachmentRefusal.HoldsMacros),
            _ => (null, AttachmentRefusal.Disagrees),
        };
    }

    /// <summary>The kind a stored content type belongs to, preferring the one the name's extension names (.log over .txt).</summary>
    public static AttachmentKind? OfStored(string contentType, string fileName)
    {
        var extension = AttachmentFileName.ExtensionOf(fileName);
        var kinds = All.Where(k => k.ContentType == contentType).ToList();
        return kinds.FirstOrDefault(k => k.Extensions.Contains(extension)) ?? kinds.FirstOrDefault();
    }

    private static bool Declares(AttachmentKind kind, string? declaredType)
    {
        if (string.IsNullOrWhiteSpace(declaredType))
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParse(declaredType, out var parsed))
        {
            return false;
        }

        var mediaType = parsed.MediaType.Value ?? "";
        return string.Equals(mediaType, "application/octet-stream", StringComparison.OrdinalIgnoreCase)
            || kind.DeclaredTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase);
    }
}
