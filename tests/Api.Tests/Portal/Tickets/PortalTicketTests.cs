using System.Net;
using System.Text;
using Api.Portal.Tickets;
using Api.Tests.Admin;
using Api.Tests.Sso;
using Microsoft.EntityFrameworkCore;

namespace Api.Tests.Portal.Tickets;

/// <summary>What an end user notices of their tickets: open one (with a device and a file), find it in the list, read it, comment, close.</summary>
[Collection(SsoCollection.Name)]
public sealed class PortalTicketTests(SsoApiFactory api)
{
    [Fact]
    public async Task An_end_user_opens_a_ticket_naming_their_device_with_a_screenshot_and_finds_it_in_their_list()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var nora = await world.EndUserAsync();
        var laptop = await world.DeviceAsync(world.Admin.Clients[0], nora.Id, "NORA-LAPTOP");
        using var browser = new SsoDriver(api);

        var opened = await nora.Login.OpenAsync(browser, attachment: TicketCalls.Png(), fileName: @"C:\Users\nora\screen shot.png", deviceId: laptop);
        var list = await nora.Login.GetAsync(browser, "/api/portal/tickets");

        Assert.Equal(HttpStatusCode.Created, opened.Status);
        var id = Guid.Parse(opened.String("id")!);
        Assert.Equal($"/api/portal/tickets/{id}", opened.Raw.Headers.Location?.OriginalString);
        Assert.Equal(TicketReference.Of(id), opened.String("reference"));
        Assert.Matches("^T-[0-9A-F]{8}$", opened.String("reference"));
        Assert.Equal("Open", opened.String("status"));
        Assert.Equal("High", opened.String("priority"));
        Assert.Equal("NORA-LAPTOP", opened.Json!["device"]!["name"]!.GetValue<string>());
        var attachment = opened.Json["attachments"]![0]!;
        Assert.Equal("screen shot.png", attachment["fileName"]!.GetValue<string>());
        Assert.Equal("image/png", attachment["contentType"]!.GetValue<string>());
        Assert.True(opened.Json["canComment"]!.GetValue<bool>());

        Assert.Equal(1, list.Json!["total"]!.GetValue<int>());
        var row = list.Json["items"]![0]!;
        Assert.Equal(id.ToString(), row["id"]!.GetValue<string>());
        Assert.Equal("NORA-LAPTOP", row["deviceName"]!.GetValue<string>());
        Assert.Equal(nora.User.DisplayName, row["openedByName"]!.GetValue<string>());
        Assert.False(row["awaitingYou"]!.GetValue<bool>());
        Assert.EndsWith("Z", row["updatedAt"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("ASVS", "12.2.1")]
    public async Task The_attachment_downloads_as_a_file_of_the_type_its_bytes_proved()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var nora = await world.EndUserAsync();
        using var browser = new SsoDriver(api);
        var png = TicketCalls.Png(300);
        var opened = await nora.Login.OpenAsync(browser, attachment: png, fileName: "page.png");
        var ticketId = opened.String("id");
        var attachmentId = opened.Json!["attachments"]![0]!["id"]!.GetValue<string>();

        using var request = nora.Login.Request(HttpMethod.Get, $"/api/portal/tickets/{ticketId}/attachments/{attachmentId}");
        using var download = await browser.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    [Trait("ASVS", "12.1.1")]
    [Trait("ASVS", "12.2.1")]
    public async Task A_program_an_html_page_or_binary_text_is_refused_with_a_sentence_and_nothing_is_written()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var nora = await world.EndUserAsync();
        using var browser = new SsoDriver(api);

        var exe = await nora.Login.OpenAsync(browser, attachment: [0x4D, 0x5A, 0x90, 0x00, 0x03], fileName: "invoice.png");
        var withNul = await nora.Login.OpenAsync(browser, attachment: Encoding.UTF8.GetBytes("text\0with nul"), fileName: "log.txt");
        var notUtf8 = await nora.Login.OpenAsync(browser, attachment: [0x61, 0xC3, 0x28], fileName: "log.txt");

        foreach (var refused in new[] { exe, withNul, notUtf8 })
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.Status);
            Assert.True(refused.IsProblem);
            Assert.Contains("cannot be attached", refused.Detail, StringComparison.Ordinal);
        }

        Assert.Equal(0, await world.WithDbAsync(db => db.Tickets.CountAsync(t => t.OpenedById == nora.Id)));
    }

    [Fact]
    [Trait("ASVS", "12.1.1")]
    [Trait("ASVS", "12.2.1")]
    public async Task A_file_over_five_megabytes_is_refused_with_413_and_an_empty_one_with_400()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var nora = await world.EndUserAsync();
        using var browser = new SsoDriver(api);

        var big = await nora.Login.OpenAsync(browser, attachment: TicketCalls.Png((int)TicketRules.MaxAttachmentBytes + 1));
        var empty = await nora.Login.OpenAsync(browser, attachment: []);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.Status);
        Assert.True(big.IsProblem);
        Assert.Contains("larger than 5 MB", big.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Contains("empty", empty.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await world.WithDbAsync(db => db.Tickets.CountAsync(t => t.OpenedById == nora.Id)));
    }

    [Theory]
    [InlineData("", "High", "subject")]
    [InlineData("Printer", "Whenever", "priority")]
    public async Task A_missing_subject_or_an_unknown_priority_is_named_in_the_answer(string subject, string priority, string field)
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var nora = await world.EndUserAsync();
        using var browser = new SsoDriver(api);

        var answer = await nora.Login.OpenAsync(browser, subject: subject, priority: priority);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.NotNull(answer.Errors?[field]);
        Assert.False(string.IsNullOrWhiteSpace(answer.Detail));
    }

    [Fact]
    public async Task A_form_that_is_not_multipart_is_refused_with_a_sentence()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var nora = await world.EndUserAsync();
        using var browser = new SsoDriver(api);

        var answer = await nora.Login.PostAsync(browser, "/api/portal/tickets", new { subject = "x", description = "y" });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.Status);
        Assert.True(answer.IsProblem, answer.ToString());
        Assert.Contains("as a form (multipart/form-data)", answer.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comment_on_a_resolved_ticket_reopens_it_and_a_closed_ticket_takes_no_comment()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var nora = await world.EndUserAsync();
        using var browser = new SsoDriver(api);
        var id = await nora.Login.OpenTicketAsync(browser);
        await world.WithDbAsync(db => db.Tickets.Where(t => t.Id == id).ExecuteUpdateAsync(set => set.SetProperty(t => t.Status, TicketStatuses.Resolved)));

        var comment = await nora.Login.PostAsync(browser, $"/api/portal/tickets/{id}/comments", new { body = "  Still broken.  " });
        var reopened = await nora.Login.GetAsync(browser, $"/api/portal/tickets/{id}");
        var closed = await nora.Login.PostAsync(browser, $"/api/portal/tickets/{id}/close");
        var late = await nora.Login.PostAsync(browser, $"/api/portal/tickets/{id}/comments", new { body = "One more thing" });
        var active = await nora.Login.GetAsync(browser, "/api/portal/tickets?status=active");
        var closedList = await nora.Login.GetAsync(browser, "/api/portal/tickets?status=closed");

        Assert.Equal(HttpStatusCode.Created, comment.Status);
        Assert.Equal("Still broken.", comment.String("body"));
        Assert.False(comment.Json!["fromStaff"]!.GetValue<bool>());
        Assert.Equal("Open", reopened.String("status"));
        Assert.Single(reopened.Json!["comments"]!.AsArray());
        Assert.Equal("Closed", closed.String("status"));
        Assert.False(closed.Json!["canComment"]!.GetValue<bool>());
        Assert.False(closed.Json["canClose"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        Assert.Contains("open a new one", late.Detail, StringComparison.Ordinal);
        Assert.Equal(0, active.Json!["total"]!.GetValue<int>());
        Assert.Equal(1, closedList.Json!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Lists_page_on_the_server_newest_activity_first_and_refuse_unknown_filters()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var nora = await world.EndUserAsync();
        using var browser = new SsoDriver(api);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await nora.Login.OpenTicketAsync(browser));
        }

        await nora.Login.PostAsync(browser, $"/api/portal/tickets/{ids[0]}/comments", new { body = "bump" });
        var first = await nora.Login.GetAsync(browser, "/api/portal/tickets?page=1&pageSize=2");
        var second = await nora.Login.GetAsync(browser, "/api/portal/tickets?page=2&pageSize=2");
        var badStatus = await nora.Login.GetAsync(browser, "/api/portal/tickets?status=everything");
        var badSize = await nora.Login.GetAsync(browser, "/api/portal/tickets?pageSize=1000");

        Assert.Equal(3, first.Json!["total"]!.GetValue<int>());
        Assert.Equal(ids[0].ToString(), first.Json["items"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(2, first.Json["items"]!.AsArray().Count);
        Assert.Single(second.Json!["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.Status);
        Assert.NotNull(badStatus.Errors?["status"]);
        Assert.Equal(HttpStatusCode.BadRequest, badSize.Status);
        Assert.NotNull(badSize.Errors?["pageSize"]);
    }

    [Fact]
    public async Task The_partners_support_address_hears_of_a_new_ticket_without_its_text()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var support = $"support-{Guid.NewGuid():N}@msp.example";
        await world.SupportEmailAsync(support);
        var nora = await world.EndUserAsync();
        using var browser = new SsoDriver(api);

        var id = await nora.Login.OpenTicketAsync(browser);

        var mail = Assert.Single(await Mailbox.MessagesAsync(api.Services, support, TicketEmails.OpenedKind));
        Assert.Contains(TicketReference.Of(id), mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"https://localhost/admin/tickets/{id}", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("profile", mail.TextBody, StringComparison.Ordinal);
    }
}
