using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace Api.Portal.Tickets;

/// <summary>
/// Whether a file is a Word, Excel or PowerPoint document without macros (Office Open XML): a ZIP
/// whose <c>[Content_Types].xml</c> names the expected main part with the macro-free type, and
/// that holds no VBA project nor Excel 4.0 macro sheet. A .docm renamed .docx keeps its
/// macro-enabled main type and is caught here, not by its name.
/// </summary>
public static class OfficeDocumentProof
{
    /// <summary>Real content-type lists are a few kilobytes; more is not a document we want to parse.</summary>
    private const int MaxContentTypesBytes = 256 * 1024;

    private static readonly XmlReaderSettings SafeXml = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxContentTypesBytes,
    };

    public static AttachmentKind Kind(string extension, string contentType, string mainPart, string mainContentType) =>
        new([extension], contentType, [contentType], content => Prove(content, mainPart, mainContentType));

    /// <param name="mainPart">The main part's name, e.g. <c>word/document.xml</c>.</param>
    /// <param name="mainContentType">Its macro-free content type.</param>
    public static ContentProof Prove(byte[] content, string mainPart, string mainContentType)
    {
        using var archive = ZipInspection.Open(content);
        if (archive is null)
        {
            return ContentProof.Disagrees;
        }

        // vbaProject.bin, vbaData.xml (Word), xl/macrosheets/ (Excel 4.0): macros whatever the types list says.
        if (archive.Entries.Any(e => IsAboutMacros(e.FullName)))
        {
            return ContentProof.HoldsMacros;
        }

        if (ContentTypes(archive) is not { } types)
        {
            return ContentProof.Disagrees;
        }

        if (types.Any(t => IsAboutMacros(t.ContentType)))
        {
            return ContentProof.HoldsMacros;
        }

        var mainDeclared = types.Any(t =>
            string.Equals(t.PartName, "/" + mainPart, StringComparison.OrdinalIgnoreCase)
            && string.Equals(t.ContentType, mainContentType, StringComparison.OrdinalIgnoreCase));
        return mainDeclared && ZipInspection.Find(archive, mainPart) is not null
                ? ContentProof.Proven
                : ContentProof.Disagrees;
    }

    /// <summary>"macroEnabled" main types, VBA parts (vbaProject, vbaData), macro sheets.</summary>
    private static bool IsAboutMacros(string name) =>
        name.Contains("macro", StringComparison.OrdinalIgnoreCase) || name.Contains("vba", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every Default and Override of <c>[Content_Types].xml</c>, or null when it is missing, too large or not XML.</summary>
    private static List<(string? PartName, string ContentType)>? ContentTypes(ZipArchive archive)
    {
        if (ZipInspection.Find(archive, "[Content_Types].xml") is not { } entry
            || ZipInspection.ReadSmall(entry, MaxContentTypesBytes) is not { } bytes)
        {
            return null;
        }

        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), SafeXml);
            return XDocument.Load(reader).Descendants()
                .Where(e => e.Name.LocalName is "Default" or "Override")
                .Select(e => ((string?)e.Attribute("PartName"), (string?)e.Attribute("ContentType") ?? ""))
                .ToList();
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
