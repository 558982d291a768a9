using System.Text.RegularExpressions;
using EndToEnd.Tests.Infrastructure;
using EndToEnd.Tests.Pages;
using EndToEnd.Tests.Pages.Admin;
using EndToEnd.Tests.Pages.Portal;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Browser;

/// <summary>
/// Issue 9's acceptance, in real browsers against the AppHost-started stack: an end user opens a
/// ticket naming one of their devices with an attachment; the partner technician, in a browser of
/// their own, answers it in the admin area; the end user reads the answer, reached from the e-mail
/// that says there is one. Once for a user on Single Sign-On, once for a user of the legacy form.
/// Every page on the way passes the accessibility check.
/// </summary>
public sealed class TicketJourneyTests(StackFixture stack, BrowserFixture browser) : JourneyTest(stack, browser)
{
    /// <summary>
    /// Tom signs in in both journeys: one authenticator for both, so that the second sign-in never
    /// offers the code of a time-step the first already used (the server accepts each code once).
    /// </summary>
    private static readonly Authenticator TomsAuthenticator = new(DevelopmentAccounts.TotpSecret);

    [Fact]
    public Task An_SSO_user_opens_a_ticket_about_her_laptop_the_technician_answers_and_she_reads_the_answer_from_the_email() => JourneyAsync(async () =>
    {
        var startedAt = DateTimeOffset.UtcNow;
        await SignInWithSingleSignOnAsync(DevelopmentAccounts.TinaTickets, DevelopmentAccounts.Password, new Authenticator(DevelopmentAccounts.TotpSecret));

        // The portal wears the partner's name and logo, and is the house, not a diagnostic.
        var navigation = new PortalNavigation(Page);
        await Expect(navigation.Logo(DevelopmentAccounts.Contoso)).ToBeVisibleAsync();
        await Expect(Page.GetByText("System status")).ToHaveCountAsync(0);
        await AssertAccessibleAsync("Portal home");

        var tickets = await navigation.OpenTicketsAsync();
        await Expect(tickets.EmptyState).ToBeVisibleAsync();
        await Expect(tickets.OpenATicket).ToBeVisibleAsync();
        await AssertAccessibleAsync("Portal: tickets, empty state");

        // She starts from the device the ticket is about.
        var devices = await navigation.OpenDevicesAsync();
        await Expect(devices.RowOf("TINA-LAPTOP")).ToContainTextAsync("Online");
        await Expect(devices.RowOf("TINA-PHONE")).ToContainTextAsync("Offline");
        await AssertAccessibleAsync("Portal: devices");
        var laptop = await devices.OpenAsync("TINA-LAPTOP");
        await AssertAccessibleAsync("Portal: device detail");
        var form = await laptop.StartTicketAsync();
        Assert.StartsWith("TINA-LAPTOP", await form.ChosenDeviceAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync("Portal: new ticket form");

        var ticket = new NewTicket(
            "The laptop screen flickers",
            "Since this morning the screen of my laptop flickers every few seconds, also on battery.",
            "High",
            Device: null,
            TicketFile.Screenshot("flicker.png"));
        await form.FillAsync(ticket);

        await AnswerAndReadAsync(DevelopmentAccounts.TinaTickets, form, ticket, "TINA-LAPTOP", startedAt);

        var help = await navigation.OpenHelpAsync();
        await Expect(help.WhomToContact).ToContainTextAsync(DevelopmentAccounts.ContosoSupport);
        await AssertAccessibleAsync("Portal: Help");
    });

    [Fact]
    public Task A_legacy_user_opens_a_ticket_about_his_desktop_the_technician_answers_and_he_reads_the_answer_from_the_email() => JourneyAsync(async () =>
    {
        var startedAt = DateTimeOffset.UtcNow;
        await (await PortalLogin.GotoAsync()).LogInWithPortalPasswordAsync(DevelopmentAccounts.LeoLegacy, DevelopmentAccounts.Password);
        await PortalHome.WaitForAsync(DevelopmentAccounts.DisplayNameOf(DevelopmentAccounts.LeoLegacy));

        // He starts from the empty ticket list and picks the device in the form.
        var tickets = await new PortalNavigation(Page).OpenTicketsAsync();
        await Expect(tickets.EmptyState).ToBeVisibleAsync();
        var form = await tickets.StartNewTicketAsync();
        var ticket = new NewTicket(
            "Outlook asks for my password again and again",
            "Every time I open Outlook on my desktop it asks for my password, even after I type it.",
            "Normal",
            "LEO-DESKTOP",
            TicketFile.Log("outlook.log", "2026-11-30 08:14:02 Authentication prompt shown\n2026-11-30 08:14:09 Token refresh failed\n"));
        await form.FillAsync(ticket);

        await AnswerAndReadAsync(DevelopmentAccounts.LeoLegacy, form, ticket, "LEO-DESKTOP", startedAt);
    });

    /// <summary>
    /// The part both journeys share, from the filled form on: submit; the partner's support address
    /// is told; Tom answers in the admin area in his own browser; the e-mail to the end user arrives
    /// (a link, no ticket text); the end user follows it and reads the answer.
    /// </summary>
    private async Task AnswerAndReadAsync(string endUser, NewTicketPage form, NewTicket ticket, string device, DateTimeOffset startedAt)
    {
        var opened = await form.SubmitAsync(ticket.Subject);
        await Expect(opened.OpenedNotice).ToBeVisibleAsync();
        var reference = await opened.ReferenceAsync();
        await Expect(opened.Fact("Status")).ToHaveTextAsync("Open");
        await Expect(opened.Fact("Priority")).ToHaveTextAsync(ticket.Priority);
        await Expect(opened.Fact("Device")).ToHaveTextAsync(device);
        var file = ticket.Attachment!;
        Assert.Equal(file.Content, await opened.DownloadAsync(file.Name));
        await AssertAccessibleAsync("Portal: ticket detail, just opened");
        var ticketPath = new Uri(Page.Url).AbsolutePath;

        var notice = await Inbox.WaitForMessageAsync(DevelopmentAccounts.ContosoSupport, new Regex(Regex.Escape(reference)), startedAt);
        Assert.Contains("Northwind Traders", notice.Subject, StringComparison.Ordinal);

        // Tom, in a browser of his own, answers in the admin area.
        var answer = $"Hello, we had a look at {device}. Please restart it once; we pushed a fix for {reference}.";
        await using (var tom = await OtherBrowserAsync())
        {
            var sso = await (await new PortalLoginPage(tom.Page).GotoAsync()).StartSingleSignOnAsync();
            await sso.SignInAsync(DevelopmentAccounts.TomTechnician, DevelopmentAccounts.Password);
            await sso.EnterMfaCodeAsync(await TomsAuthenticator.NextCodeAsync());
            await Expect(tom.Page).ToHaveURLAsync(new Regex("/admin"));

            var adminTickets = new AdminTicketsPage(tom.Page);
            await adminTickets.OpenFromNavigationAsync();
            await Expect(adminTickets.RowOf(ticket.Subject)).ToContainTextAsync("Northwind Traders");
            await AssertAccessibleAsync("Admin: tickets", tom.Page);

            var staffView = await adminTickets.OpenAsync(ticket.Subject);
            await Expect(tom.Page.GetByRole(AriaRole.Main)).ToContainTextAsync(ticket.Description);
            await Expect(tom.Page.GetByRole(AriaRole.Main)).ToContainTextAsync(device);
            await Expect(staffView.Download(file.Name)).ToBeVisibleAsync();
            await AssertAccessibleAsync("Admin: ticket detail", tom.Page);
            await staffView.SendAnswerAsync(answer);
        }

        // The e-mail says there is an answer and links to the ticket; the answer itself stays in the portal.
        var mail = await Inbox.WaitForMessageAsync(endUser, new Regex($"^Your ticket {Regex.Escape(reference)} has an answer$"), startedAt);
        Assert.StartsWith("donotreply@", mail.FromAddress, StringComparison.OrdinalIgnoreCase);
        var body = await Inbox.ReadBodyAsync(mail);
        Assert.DoesNotContain(answer, body, StringComparison.Ordinal);
        Assert.DoesNotContain(ticket.Description, body, StringComparison.Ordinal);
        var link = await Inbox.ReadLinkAsync(mail, "/portal/tickets/");
        Assert.Equal(ticketPath, link.AbsolutePath);

        // The end user follows the link (still signed in: the session renews silently) and reads the answer.
        await Page.GotoAsync(link.PathAndQuery);
        var answered = new TicketPage(Page);
        await answered.WaitForAsync(ticket.Subject);
        await Expect(answered.StaffAnswer(answer)).ToBeVisibleAsync();
        await Expect(answered.Fact("Status")).ToHaveTextAsync("Waiting for you");
        await AssertAccessibleAsync("Portal: ticket detail with an answer");

        var tickets = await new PortalNavigation(Page).OpenTicketsAsync();
        await Expect(tickets.RowOf(ticket.Subject)).ToContainTextAsync("Waiting for you");
        await AssertAccessibleAsync("Portal: tickets");
    }
}
