using System.Net;
using Api.Tests.Admin;
using Api.Tests.Sso;
using Microsoft.EntityFrameworkCore;

namespace Api.Tests.Portal.Tickets;

/// <summary>
/// Issue 17: what a technician sees of an attachment's name. A right-to-left override can make
/// "evil[U+202E]gnp.hta" display as "evilath.png"; stored names lose every invisible character and
/// end in the extension of the kind the bytes proved, and both downloads (portal and admin) offer
/// that name as an attachment, in <c>filename</c> (ASCII) and <c>filename*</c> (UTF-8).
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class AttachmentNameTests(SsoApiFactory api)
{
    [Fact]
    [Trait("ASVS", "12.1.1")]
    [Trait("ASVS", "12.2.1")]
    public async Task A_name_with_a_bidi_override_is_stored_and_downloaded_without_it_under_the_detected_extension()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var nora = await world.EndUserAsync();
        var staff = await world.Admin.StaffAsync();
        using var browser = new SsoDriver(api);
        var jpeg = AttachmentFiles.Named("jpeg");

        var opened = await nora.Login.OpenAsync(
            browser, attachment: jpeg, fileName: "C:\\fakepath\\inv\u202Eoice\u2066\u200F\u061C\u200B\u0007 .JPEG", declaredType: "image/jpeg");
        var ticketId = Guid.Parse(opened.String("id")!);
        var attachmentId = Guid.Parse(opened.Json!["attachments"]![0]!["id"]!.GetValue<string>());
        using var portal = await DownloadAsync(browser, nora.Login, $"/api/portal/tickets/{ticketId}/attachments/{attachmentId}");
        using var admin = await DownloadAsync(browser, staff, $"/api/admin/tickets/{ticketId}/attachments/{attachmentId}");

        Assert.Equal("invoice.jpg", opened.Json["attachments"]![0]!["fileName"]!.GetValue<string>());
        Assert.Equal("invoice.jpg", await world.WithDbAsync(db => db.TicketAttachments.Where(a => a.Id == attachmentId).Select(a => a.FileName).SingleAsync()));
        foreach (var download in new[] { portal, admin })
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("image/jpeg", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment; filename=invoice.jpg; filename*=UTF-8''invoice.jpg", ContentDisposition(download));
            Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal(jpeg, await download.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    [Trait("ASVS", "12.2.1")]
    public async Task A_name_in_another_script_downloads_in_utf8_with_an_ascii_fallback()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var nora = await world.EndUserAsync();
        using var browser = new SsoDriver(api);

        var opened = await nora.Login.OpenAsync(browser, attachment: AttachmentFiles.Named("pdf"), fileName: "Écran ünd €.pdf");
        var ticketId = opened.String("id");
        var attachmentId = opened.Json!["attachments"]![0]!["id"]!.GetValue<string>();
        using var download = await DownloadAsync(browser, nora.Login, $"/api/portal/tickets/{ticketId}/attachments/{attachmentId}");

        Assert.Equal("Écran ünd €.pdf", opened.Json["attachments"]![0]!["fileName"]!.GetValue<string>());
        Assert.Equal("attachment; filename=\"_cran _nd _.pdf\"; filename*=UTF-8''%C3%89cran%20%C3%BCnd%20%E2%82%AC.pdf", ContentDisposition(download));
    }

    [Fact]
    [Trait("ASVS", "12.2.1")]
    public async Task A_name_stored_before_these_rules_is_cleaned_on_its_way_out()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var nora = await world.EndUserAsync();
        var staff = await world.Admin.StaffAsync();
        using var browser = new SsoDriver(api);
        var (textTicket, textAttachment) = await world.Admin.TicketAsync(nora.Id);
        var (zipTicket, zipAttachment) = await world.Admin.TicketAsync(nora.Id);
        await world.WithDbAsync(async db =>
        {
            await db.TicketAttachments.Where(a => a.Id == textAttachment).ExecuteUpdateAsync(set => set.SetProperty(a => a.FileName, "evil\u202Egnp.hta"));
            await db.TicketAttachments.Where(a => a.Id == zipAttachment)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.FileName, "macro.xlsm").SetProperty(a => a.ContentType, "application/zip"));
        });

        using var text = await DownloadAsync(browser, nora.Login, $"/api/portal/tickets/{textTicket}/attachments/{textAttachment}");
        using var zip = await DownloadAsync(browser, staff, $"/api/admin/tickets/{zipTicket}/attachments/{zipAttachment}");

        Assert.Equal("attachment; filename=evilgnp.txt; filename*=UTF-8''evilgnp.txt", ContentDisposition(text));
        Assert.Equal("attachment; filename=macro.zip; filename*=UTF-8''macro.zip", ContentDisposition(zip));
    }

    private static async Task<HttpResponseMessage> DownloadAsync(SsoDriver browser, StaffLogin login, string path)
    {
        using var request = login.Request(HttpMethod.Get, path);
        return await browser.Http.SendAsync(request);
    }

    private static string ContentDisposition(HttpResponseMessage download) =>
        string.Join(", ", download.Content.Headers.GetValues("Content-Disposition"));
}
