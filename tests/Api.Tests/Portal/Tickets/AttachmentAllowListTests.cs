using System.Net;
using Api.Portal.Tickets;
using Api.Tests.Sso;
using Microsoft.EntityFrameworkCore;

namespace Api.Tests.Portal.Tickets;

/// <summary>
/// Issue 17: a ticket takes only what people send a help desk, and only when the name, the type
/// the browser declared and the file's bytes agree. Every refusal is a 415 whose sentence lists
/// what is accepted; nothing of a refused ticket is written.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class AttachmentAllowListTests(SsoApiFactory api)
{
    private const string Accepted =
        "We accept pictures (PNG, JPEG, GIF, WebP), PDF, text files (.txt, .log, .csv), Word, Excel and PowerPoint documents without macros, and .zip files.";

    private const string NotAccepted = "This kind of file cannot be attached. " + Accepted;
    private const string Disagrees = "This file's content does not match its name or its type, so it cannot be attached. " + Accepted;
    private const string HoldsMacros =
        "Office documents with macros cannot be attached. Save it as a .docx, .xlsx or .pptx document without macros and attach that. " + Accepted;

    [Theory]
    [InlineData("screen shot.png", "png", "image/png", "screen shot.png", "image/png")]
    [InlineData("Photo.JPEG", "jpeg", "image/jpeg", "Photo.jpg", "image/jpeg")]
    [InlineData("anim.gif", "gif", "", "anim.gif", "image/gif")]
    [InlineData("pic.webp", "webp", "image/webp", "pic.webp", "image/webp")]
    [InlineData("invoice.pdf", "pdf", "application/pdf", "invoice.pdf", "application/pdf")]
    [InlineData("notes.txt", "log", "text/plain", "notes.txt", "text/plain; charset=utf-8")]
    [InlineData("outlook.log", "log", "text/x-log", "outlook.log", "text/plain; charset=utf-8")]
    [InlineData("devices.csv", "csv", "application/vnd.ms-excel", "devices.csv", "text/csv; charset=utf-8")]
    [InlineData("letter.docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "letter.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("budget.xlsx", "xlsx", "application/octet-stream", "budget.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("slides.pptx", "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "slides.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation")]
    [InlineData("logs.zip", "zip", "application/x-zip-compressed", "logs.zip", "application/zip")]
    [Trait("ASVS", "12.1.1")]
    [Trait("ASVS", "12.2.1")]
    public async Task Each_accepted_kind_is_stored_under_its_own_extension_and_type(
        string fileName, string file, string declaredType, string storedName, string storedType)
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var nora = await world.EndUserAsync();
        using var browser = new SsoDriver(api);

        var opened = await nora.Login.OpenAsync(browser, attachment: AttachmentFiles.Named(file), fileName: fileName, declaredType: declaredType);

        Assert.True(opened.Status == HttpStatusCode.Created, opened.ToString());
        var attachment = opened.Json!["attachments"]![0]!;
        Assert.Equal(storedName, attachment["fileName"]!.GetValue<string>());
        Assert.Equal(storedType, attachment["contentType"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("setup.hta", "hta")]
    [InlineData("page.html", "html")]
    [InlineData("logo.svg", "svg")]
    [InlineData("fix.ps1", "ps1")]
    [InlineData("fix.bat", "bat")]
    [InlineData("tool.jar", "jar")]
    [InlineData("setup.exe", "exe")]
    [InlineData("no extension", "log")]
    [Trait("ASVS", "12.1.1")]
    [Trait("ASVS", "12.2.1")]
    public async Task Scripts_pages_and_programs_are_refused_by_their_name_even_when_their_bytes_are_text(string fileName, string file)
    {
        await AssertRefusedAsync(fileName, file, "text/plain", NotAccepted);
    }

    [Theory]
    [InlineData("macro.xlsm", "xlsm", "application/vnd.ms-excel.sheet.macroEnabled.12")]
    [InlineData("macro.docm", "docm", "application/octet-stream")]
    [InlineData("renamed.xlsx", "xlsm", "application/octet-stream")]
    [InlineData("renamed.docx", "docm", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [Trait("ASVS", "12.1.1")]
    [Trait("ASVS", "12.2.1")]
    public async Task Office_documents_with_macros_are_refused_by_their_name_or_by_what_they_hold(string fileName, string file, string declaredType)
    {
        await AssertRefusedAsync(fileName, file, declaredType, HoldsMacros);
    }

    [Fact]
    [Trait("ASVS", "12.2.1")]
    public async Task A_document_whose_types_list_alone_says_macro_enabled_is_refused_as_holding_macros()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var nora = await world.EndUserAsync();
        using var browser = new SsoDriver(api);
        var xlsmWithoutVbaPart = AttachmentFiles.Office("xl/workbook.xml", AttachmentFiles.ExcelMacroMain);

        var refused = await nora.Login.OpenAsync(browser, attachment: xlsmWithoutVbaPart, fileName: "book.xlsx");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.Status);
        Assert.Equal(HoldsMacros, refused.Detail);
    }

    [Theory]
    [InlineData("screenshot.pdf", "png", "application/octet-stream")]
    [InlineData("invoice.pdf", "pdf", "image/png")]
    [InlineData("screenshot.png", "png", "text/html")]
    [InlineData("screenshot.png", "log", "image/png")]
    [InlineData("notes.txt", "png", "text/plain")]
    [InlineData("invoice.zip", "exe", "application/zip")]
    [InlineData("tool.zip", "jar", "application/zip")]
    [InlineData("macro.zip", "xlsm", "application/zip")]
    [InlineData("letter.docx", "zip", "application/octet-stream")]
    [InlineData("letter.docx", "xlsx", "application/octet-stream")]
    [InlineData("photo.jpg", "png", "image/jpeg")]
    [Trait("ASVS", "12.1.1")]
    [Trait("ASVS", "12.2.1")]
    public async Task A_file_whose_bytes_or_declared_type_disagree_with_its_name_is_refused(string fileName, string file, string declaredType)
    {
        await AssertRefusedAsync(fileName, file, declaredType, Disagrees);
    }

    [Fact]
    [Trait("ASVS", "12.2.1")]
    public async Task A_program_with_a_zip_appended_and_a_zip_of_too_many_entries_are_not_zip_files()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var nora = await world.EndUserAsync();
        using var browser = new SsoDriver(api);

        // A self-extracting program: ZipArchive finds the archive at the end whatever precedes it.
        var selfExtracting = await nora.Login.OpenAsync(browser, attachment: [.. AttachmentFiles.Named("exe"), .. AttachmentFiles.Named("zip")], fileName: "logs.zip");
        var crowded = await nora.Login.OpenAsync(browser, attachment: AttachmentFiles.ZipOfEntries(ZipInspection.MaxEntries + 1), fileName: "logs.zip");
        var enough = await nora.Login.OpenAsync(browser, attachment: AttachmentFiles.ZipOfEntries(ZipInspection.MaxEntries), fileName: "logs.zip");

        Assert.Equal(Disagrees, selfExtracting.Detail);
        Assert.Equal(Disagrees, crowded.Detail);
        Assert.Equal(HttpStatusCode.Created, enough.Status);
    }

    private async Task AssertRefusedAsync(string fileName, string file, string declaredType, string sentence)
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var nora = await world.EndUserAsync();
        using var browser = new SsoDriver(api);

        var refused = await nora.Login.OpenAsync(browser, attachment: AttachmentFiles.Named(file), fileName: fileName, declaredType: declaredType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.Status);
        Assert.True(refused.IsProblem, refused.ToString());
        Assert.Equal(sentence, refused.Detail);
        Assert.Equal(0, await world.WithDbAsync(db => db.Tickets.CountAsync(t => t.OpenedById == nora.Id)));
    }
}
