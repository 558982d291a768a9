using System.Text.RegularExpressions;
using EndToEnd.Tests.Infrastructure;
using EndToEnd.Tests.Pages;
using EndToEnd.Tests.Pages.Admin;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Browser;

/// <summary>
/// Issue 7's acceptance, in a real browser against the AppHost-started stack: a partner admin
/// signs in with SSO and MFA, finds Manage Users the way the seed says, and looks after the
/// partner's end users — while those end users are signed in in browsers of their own.
/// </summary>
public sealed class PartnerAdminJourneyTests(StackFixture stack, BrowserFixture browser) : JourneyTest(stack, browser)
{
    [Fact]
    public Task A_partner_admin_filters_adds_disables_resets_MFA_exports_and_sees_it_all_in_the_audit_log() => JourneyAsync(async () =>
    {
        var startedAt = DateTimeOffset.UtcNow;

        // The end user who will be disabled is signed in, in a browser of their own.
        await using var kim = await OtherBrowserAsync();
        await new PortalLoginPage(kim.Page).GotoAsync();
        await new PortalLoginPage(kim.Page).LogInWithPortalPasswordAsync(DevelopmentAccounts.KimSignedIn, DevelopmentAccounts.Password);
        await new PortalHomePage(kim.Page).WaitForAsync(DevelopmentAccounts.DisplayNameOf(DevelopmentAccounts.KimSignedIn));

        // The admin signs in with SSO and MFA and is taken to the admin area.
        await SignInToAdminAreaAsync(Page, DevelopmentAccounts.PaulaAdmin);
        var users = await new AdminNavigation(Page).OpenManageUsersAsync();
        await AssertAccessibleAsync("Admin: Manage Users");

        // Not migrated only: every row says so.
        await users.FilterAsync("Migrated to SSO", "Not migrated", new Regex("migrated=false"));
        await Expect(users.Rows.First).ToBeVisibleAsync();
        await Expect(users.Rows.Filter(new() { HasText = "Migrated on" })).ToHaveCountAsync(0);

        // Add an end user to a client not yet migrated: the set-password e-mail arrives.
        var newEmail = $"quinn.{DateTime.UtcNow:HHmmssfff}@northwind.test";
        await users.OpenAddEndUserAsync();
        await AssertAccessibleAsync("Admin: Add end user dialog");
        await users.SubmitNewEndUserAsync("Northwind Traders", "Quinn Newcomer", newEmail);
        await Expect(users.Notice).ToContainTextAsync("Quinn Newcomer");
        var invitation = await Inbox.WaitForMessageAsync(newEmail, new Regex("password", RegexOptions.IgnoreCase), startedAt);
        Assert.StartsWith("donotreply@", invitation.FromAddress, StringComparison.OrdinalIgnoreCase);
        await Inbox.ReadLinkAsync(invitation, "/set-password");

        // Disable Kim: Kim's next call fails and Kim's browser lands on the login page.
        var kimName = DevelopmentAccounts.DisplayNameOf(DevelopmentAccounts.KimSignedIn);
        await users.SearchAsync(DevelopmentAccounts.KimSignedIn);
        await users.RowActionAsync(kimName, "Disable");
        await Expect(users.RowOf(kimName)).ToContainTextAsync("Disabled");
        await new PortalHomePage(kim.Page).EditProfile.ClickAsync();
        await new PortalLoginPage(kim.Page).WaitForAsync();

        // Reset Mia's MFA: Mia must set up an authenticator again at the next sign-in.
        var miaName = DevelopmentAccounts.DisplayNameOf(DevelopmentAccounts.MiaMfaReset);
        await users.FilterAsync("Migrated to SSO", "All", new Regex("^(?!.*migrated=)"));
        await users.SearchAsync(DevelopmentAccounts.MiaMfaReset);
        await users.ConfirmAsync(miaName, "Reset MFA", "Reset MFA");
        await Expect(users.RowOf(miaName)).ToContainTextAsync("MFA not enrolled");
        await using (var mia = await OtherBrowserAsync())
        {
            var miaSso = await (await new PortalLoginPage(mia.Page).GotoAsync()).StartSingleSignOnAsync();
            await miaSso.SignInAsync(DevelopmentAccounts.MiaMfaReset, DevelopmentAccounts.Password);
            await Expect(miaSso.EnrolmentHeading).ToBeVisibleAsync();
        }

        // Export the not-migrated users of Northwind: the file holds exactly the rows the filter shows.
        await users.SearchAsync(string.Empty);
        await users.FilterAsync("Client", "Northwind Traders", new Regex("clientId="));
        await users.FilterAsync("Migrated to SSO", "Not migrated", new Regex("migrated=false"));
        var total = await users.TotalAsync();
        var lines = await users.ExportAsync();
        Assert.StartsWith("Name,Email,Client,Role,Status", lines[0], StringComparison.Ordinal);
        Assert.Equal(total, lines.Length - 1);
        Assert.All(lines.Skip(1), line => Assert.Contains("Northwind Traders", line, StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains(newEmail, StringComparison.Ordinal));

        // The Audit page shows the three actions, on whom, by whom.
        var audit = await new AdminNavigation(Page).OpenAuditAsync();
        await Expect(audit.Entry("End user added", "Quinn Newcomer")).ToBeVisibleAsync();
        await AssertAccessibleAsync("Admin: Audit");
        await Expect(audit.Entry("End user disabled", kimName)).ToBeVisibleAsync();
        await Expect(audit.Entry("MFA reset", miaName)).ToBeVisibleAsync();
        await Expect(audit.Entry("End user disabled", kimName)).ToContainTextAsync("Paula Admin");

        // The partner's branding settings and the tickets list pass the accessibility check too.
        await new BrandingPage(Page).OpenAsync();
        await AssertAccessibleAsync("Admin: Settings > Branding");
        await new AdminTicketsPage(Page).OpenFromNavigationAsync();
        await AssertAccessibleAsync("Admin: tickets (partner admin)");
    });
}
