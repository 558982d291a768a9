using System.Text.RegularExpressions;
using EndToEnd.Tests.Infrastructure;
using EndToEnd.Tests.Mail;
using EndToEnd.Tests.Pages;
using EndToEnd.Tests.Pages.Admin;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Browser;

/// <summary>
/// Issue 19's funnel, in real browsers against the AppHost-started stack: the operator moves Coho
/// Winery's three users; their partner admin's home shows the batch's funnel (3 moved, nobody
/// activated yet); one of them, in a browser of her own, activates her e-mail, sets up an
/// authenticator and lands in the portal — and the partner's page, never reloaded, follows each step;
/// then a reminder pass mails exactly the two still stuck, with a fresh link that works, and a second none.
/// </summary>
public sealed class FunnelJourneyTests(StackFixture stack, BrowserFixture browser) : JourneyTest(stack, browser)
{
    private const string Batch = "Coho Winery wave";

    /// <summary>The partner's screen polls every 10 s once the batch has run: a step shows within this.</summary>
    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 30_000 };

    [Fact]
    public Task A_partner_follows_a_batch_funnel_while_a_moved_user_activates_enrols_and_signs_in() => JourneyAsync(async () =>
    {
        var startedAt = DateTimeOffset.UtcNow;

        // The operator plans a batch for Coho Winery and runs it now.
        await SignInToAdminAreaAsync(Page, DevelopmentAccounts.OlgaOperator);
        var console = new MigrationConsolePage(Page);
        await console.OpenAsync();
        await console.CreateAsync(Batch, "Coho Winery", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20)), "09:00");
        await console.RunNowAsync();
        await Expect(console.Percent).ToHaveTextAsync("100%", new() { Timeout = 60_000 });
        await Expect(Page.GetByRole(AriaRole.Region, new() { Name = "Since the move" })).ToBeVisibleAsync();

        // The partner admin's home: three moved, nobody activated yet.
        await using var wendyBrowser = await OtherBrowserAsync();
        var wendy = wendyBrowser.Page;
        await SignInToAdminAreaAsync(wendy, DevelopmentAccounts.WendyAdmin);
        var funnel = new MigrationFunnelPanel(wendy, Batch);
        await Expect(funnel.Panel).ToBeVisibleAsync();
        await Expect(funnel.Reached(MigrationFunnelPanel.Moved)).ToHaveTextAsync("3");
        await Expect(funnel.Reached(MigrationFunnelPanel.Activated)).ToHaveTextAsync("0");
        await AssertAccessibleAsync("Admin home with a migration funnel", wendy);

        // Quinn's first SSO sign-in, in her own browser: activation mail, then an authenticator.
        await using (var quinnBrowser = await OtherBrowserAsync())
        {
            var quinn = quinnBrowser.Page;
            var sso = await (await new PortalLoginPage(quinn).GotoAsync()).StartSingleSignOnAsync();
            await sso.SignInAsync(DevelopmentAccounts.QuinnFunnel, DevelopmentAccounts.Password);
            await Expect(sso.ActivationDialog).ToBeVisibleAsync();
            var activation = await Inbox.WaitForMessageAsync(DevelopmentAccounts.QuinnFunnel, new Regex("activ", RegexOptions.IgnoreCase), startedAt);
            var activatePage = new ActivatePage(quinn);
            await activatePage.OpenAsync(await Inbox.ReadLinkAsync(activation, "/sso/activate"));
            await Expect(activatePage.Confirmation).ToBeVisibleAsync();

            // The partner's page follows without a reload.
            await Expect(funnel.Reached(MigrationFunnelPanel.Activated)).ToHaveTextAsync("1", Soon);

            await activatePage.BackToPortal.ClickAsync();
            sso = await new PortalLoginPage(quinn).StartSingleSignOnAsync();
            await sso.SignInAsync(DevelopmentAccounts.QuinnFunnel, DevelopmentAccounts.Password);
            await Expect(sso.EnrolmentHeading).ToBeVisibleAsync();
            var authenticator = new Authenticator(await sso.ReadManualKeyAsync());
            await sso.ConfirmEnrolmentAsync(await authenticator.NextCodeAsync());
            await sso.Continue.ClickAsync();
            var home = new PortalHomePage(quinn);
            var name = DevelopmentAccounts.DisplayNameOf(DevelopmentAccounts.QuinnFunnel);
            await Expect(home.Welcome(name).Or(sso.MfaCode)).ToBeVisibleAsync();
            if (await sso.MfaCode.IsVisibleAsync())
            {
                await sso.EnterMfaCodeAsync(await authenticator.NextCodeAsync());
            }

            await home.WaitForAsync(name);
        }

        await Expect(funnel.Reached(MigrationFunnelPanel.Enrolled)).ToHaveTextAsync("1", Soon);
        await Expect(funnel.Reached(MigrationFunnelPanel.SignedIn)).ToHaveTextAsync("1", Soon);
        await Expect(funnel.Reached(MigrationFunnelPanel.Moved)).ToHaveTextAsync("3");

        // The people still to help: the two who have not activated yet.
        await funnel.Panel.GetByRole(AriaRole.Button, new() { Name = "2 people: Moved, not activated yet" }).ClickAsync();
        var people = wendy.GetByRole(AriaRole.Dialog, new() { Name = $"Moved, not activated yet · {Batch}" });
        await Expect(people.GetByRole(AriaRole.Row).Filter(new() { HasText = "rosa.funnel@cohowinery.test" })).ToBeVisibleAsync();
        await Expect(people.GetByRole(AriaRole.Row).Filter(new() { HasText = DevelopmentAccounts.QuinnFunnel })).ToHaveCountAsync(0);
        await AssertAccessibleAsync("Admin home: the people at a funnel step", wendy);
        await people.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();

        // Reminders: the operator's pass (Run reminders now, Development: as if a week had passed) mails
        // exactly the two still stuck, Rosa and Sid, each a fresh link that works; Quinn, who acted,
        // gets none; a second pass mails nobody.
        var remindersFrom = DateTimeOffset.UtcNow;
        await console.OpenAsync();
        Assert.Matches("^Sent [1-9][0-9]* reminders?", await console.RunRemindersNowAsync());
        var reminder = new Regex("reminder: activate", RegexOptions.IgnoreCase);
        var rosas = await Inbox.WaitForMessageAsync("rosa.funnel@cohowinery.test", reminder, remindersFrom);
        await Inbox.WaitForMessageAsync("sid.funnel@cohowinery.test", reminder, remindersFrom);
        Assert.DoesNotContain(await Inbox.ListAsync(), m =>
            m.ReceivedDate >= remindersFrom && m.To.Any(to => string.Equals(MailInbox.AddressOf(to), DevelopmentAccounts.QuinnFunnel, StringComparison.OrdinalIgnoreCase)) && m.Subject.Contains("reminder", StringComparison.OrdinalIgnoreCase));
        // A fresh page: the first run's "Sent …" must not be read as the second's.
        await console.OpenAsync();
        Assert.StartsWith("Sent 0 reminders", await console.RunRemindersNowAsync());
        await using (var rosaBrowser = await OtherBrowserAsync())
        {
            var activatePage = new ActivatePage(rosaBrowser.Page);
            await activatePage.OpenAsync(await Inbox.ReadLinkAsync(rosas, "/sso/activate"));
            await Expect(activatePage.Confirmation).ToBeVisibleAsync();
        }

        await Expect(funnel.Reached(MigrationFunnelPanel.Activated)).ToHaveTextAsync("2", Soon);
    });
}
