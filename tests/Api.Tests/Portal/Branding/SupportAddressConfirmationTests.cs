using System.Net;
using System.Text.RegularExpressions;
using Api.Mail;
using Api.Portal.Branding;
using Api.Portal.Tickets;
using Api.Tests.Admin;
using Api.Tests.Portal.Tickets;
using Api.Tests.Sso;

namespace Api.Tests.Portal.Branding;

/// <summary>
/// The support address a partner admin types in Settings &gt; Branding receives new-ticket notices
/// only once someone who reads it has used the link we mailed to it: otherwise anyone could have
/// our DoNotReply@ address mail any mailbox each time an end user opens a ticket.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class SupportAddressConfirmationTests(SsoApiFactory api)
{
    private const int Parallel = 50;

    [Fact]
    public async Task A_new_support_address_hears_of_tickets_only_after_its_link_was_used()
    {
        var (world, admin, address) = await WorldAsync();
        var nora = await world.EndUserAsync();
        using var browser = new SsoDriver(api);

        var saved = await SetAsync(admin, browser, address);
        await nora.Login.OpenTicketAsync(browser);
        var beforeConfirmation = await Mailbox.MessagesAsync(api.Services, address, TicketEmails.OpenedKind);
        var confirmed = await browser.PostAsync("/api/branding/support-address/confirm", new { token = await TokenSentToAsync(address) });
        var settings = await admin.GetAsync(browser, "/api/admin/branding");
        await nora.Login.OpenTicketAsync(browser);

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.False(saved.Json!["supportEmailConfirmed"]!.GetValue<bool>());
        Assert.Empty(beforeConfirmation);
        Assert.Equal(HttpStatusCode.NoContent, confirmed.Status);
        Assert.True(settings.Json!["supportEmailConfirmed"]!.GetValue<bool>());
        Assert.Single(await Mailbox.MessagesAsync(api.Services, address, TicketEmails.OpenedKind));
    }

    [Fact]
    public async Task Fifty_parallel_uses_of_one_confirmation_link_confirm_once()
    {
        var (_, admin, address) = await WorldAsync();
        using var browser = new SsoDriver(api);
        await SetAsync(admin, browser, address);
        var token = await TokenSentToAsync(address);

        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ =>
            browser.PostAsync("/api/branding/support-address/confirm", new { token })));

        Assert.Single(answers, a => a.Status == HttpStatusCode.NoContent);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.NoContent), a =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, a.Status);
            Assert.Equal(ConfirmSupportAddress.LinkNotValid, a.Detail);
        });
    }

    [Fact]
    public async Task A_changed_address_is_unconfirmed_again_and_a_link_to_the_earlier_one_confirms_nothing()
    {
        var (_, admin, first) = await WorldAsync();
        var second = $"other-{first}";
        using var browser = new SsoDriver(api);
        await SetAsync(admin, browser, first);
        await browser.PostAsync("/api/branding/support-address/confirm", new { token = await TokenSentToAsync(first) });
        var savedAgain = await SetAsync(admin, browser, first);

        var changed = await SetAsync(admin, browser, second);
        await SetAsync(admin, browser, first);
        var linkToFirst = await TokenSentToAsync(first, count: 2);
        await SetAsync(admin, browser, second);
        var stale = await browser.PostAsync("/api/branding/support-address/confirm", new { token = linkToFirst });
        var settings = await admin.GetAsync(browser, "/api/admin/branding");
        var fresh = await browser.PostAsync("/api/branding/support-address/confirm", new { token = await TokenSentToAsync(second, count: 2) });

        Assert.True(savedAgain.Json!["supportEmailConfirmed"]!.GetValue<bool>());
        Assert.False(changed.Json!["supportEmailConfirmed"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.BadRequest, stale.Status);
        Assert.False(settings.Json!["supportEmailConfirmed"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NoContent, fresh.Status);
    }

    [Fact]
    public async Task Resend_mails_a_new_link_while_the_address_waits_and_refuses_once_it_is_confirmed()
    {
        var (_, admin, address) = await WorldAsync();
        using var browser = new SsoDriver(api);
        var none = await admin.PostAsync(browser, "/api/admin/branding/support-email/confirmation");
        await SetAsync(admin, browser, address);

        var resent = await admin.PostAsync(browser, "/api/admin/branding/support-email/confirmation");
        var token = await TokenSentToAsync(address, count: 2);
        await browser.PostAsync("/api/branding/support-address/confirm", new { token });
        var afterwards = await admin.PostAsync(browser, "/api/admin/branding/support-email/confirmation");

        Assert.Equal(HttpStatusCode.Conflict, none.Status);
        Assert.Equal(HttpStatusCode.Accepted, resent.Status);
        Assert.Equal(HttpStatusCode.Conflict, afterwards.Status);
        Assert.Contains("already confirmed", afterwards.Detail);
        Assert.Equal(2, (await Mailbox.MessagesAsync(api.Services, address, SupportAddressConfirmation.Kind)).Count);
    }

    private async Task<(TicketWorld World, StaffLogin Admin, string Address)> WorldAsync()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        return (world, await world.Admin.StaffAsync(), $"help-{world.Admin.Partner.Id:N}@partner.example");
    }

    private static Task<SsoResponse> SetAsync(StaffLogin admin, SsoDriver browser, string address) =>
        admin.SendAsync(browser, HttpMethod.Put, "/api/admin/branding", new { color = "#1a5fb4", supportEmail = address });

    /// <summary>The token of the latest confirmation link mailed to the address (waiting for the <paramref name="count"/>th).</summary>
    private async Task<string> TokenSentToAsync(string address, int count = 1)
    {
        var messages = await Mailbox.WaitForAsync(api.Services, address, SupportAddressConfirmation.Kind, count);
        return TokenIn(messages[^1]);
    }

    private static string TokenIn(OutboxMessage message)
    {
        var match = Regex.Match(message.TextBody, @"https://localhost/confirm-support-address\?token=(?<token>[A-Za-z0-9._~%-]+)");
        Assert.True(match.Success, message.TextBody);
        return Uri.UnescapeDataString(match.Groups["token"].Value);
    }
}
