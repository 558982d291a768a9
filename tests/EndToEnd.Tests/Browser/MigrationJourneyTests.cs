using System.Text.RegularExpressions;
using EndToEnd.Tests.Infrastructure;
using EndToEnd.Tests.Pages;
using EndToEnd.Tests.Pages.Admin;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Browser;

/// <summary>
/// Issue 8's acceptance, in a real browser against the AppHost-started stack: the platform
/// operator plans a batch for Wingtip Toys, its partner is told, the dry run shows whose owner will
/// be asked and who cannot move, the batch runs to 100 %, Manage Users follows, and one of the
/// users completes the first SSO login with the password they had before. Liam, whose address
/// already signs in to the RMM console, accepts the request mailed to him after signing in with his
/// authenticator (issue 17: an address is a claim, the owner decides); then the partner's Home &gt;
/// User Management shows him with his other product's role (issue 10).
/// </summary>
public sealed class MigrationJourneyTests(StackFixture stack, BrowserFixture browser) : JourneyTest(stack, browser)
{
    [Fact]
    public Task An_operator_plans_announces_dry_runs_and_runs_a_batch_and_a_user_then_signs_in_with_SSO() => JourneyAsync(async () =>
    {
        var startedAt = DateTimeOffset.UtcNow;

        // The operator signs in with SSO and MFA and opens the migration console.
        await SignInToAdminAreaAsync(Page, DevelopmentAccounts.OlgaOperator);
        var console = new MigrationConsolePage(Page);
        await console.OpenAsync();
        await AssertAccessibleAsync("Admin: migration console");

        // A batch for Wingtip Toys, 15 days ahead.
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(15));
        await console.CreateAsync("Wingtip wave", "Wingtip Toys", day, "09:00");

        // Its partner admin is told: the date and the end-user steps, ready to forward.
        var notice = await Inbox.WaitForMessageAsync(DevelopmentAccounts.LaraAdmin, new Regex("^Your clients move to Single Sign-On"), startedAt);
        Assert.StartsWith("donotreply@", notice.FromAddress, StringComparison.OrdinalIgnoreCase);
        var body = await Inbox.ReadBodyAsync(notice);
        Assert.Contains("Wingtip Toys", body, StringComparison.Ordinal);
        Assert.Contains(day.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), body, StringComparison.Ordinal);
        Assert.Contains("Log in with Single Sign-On", body, StringComparison.Ordinal);

        // The dry run: Liam's address is someone else's account (another product's user): he will be
        // asked, not linked, and his roles are his own to know. Oscar cannot move.
        await console.CheckReadinessAsync();
        await AssertAccessibleAsync("Admin: migration batch with its readiness check");
        await Expect(console.ReadinessRow(DevelopmentAccounts.LiamLinked)).ToContainTextAsync("Waiting for the owner to accept");
        await Expect(console.ReadinessRow(DevelopmentAccounts.LiamLinked)).Not.ToContainTextAsync("rmm-technician");
        await Expect(console.ReadinessRow(DevelopmentAccounts.OscarNoEmail)).ToContainTextAsync("No usable e-mail");

        // Run now, two weeks early: the operator confirms the broken notice, the partner is told at once, the bar reaches 100 %.
        await console.RunNowBreakingTheNoticeAsync();
        await Expect(console.Percent).ToHaveTextAsync("100%", new() { Timeout = 60_000 });
        var earlier = await Inbox.WaitForMessageAsync(DevelopmentAccounts.LaraAdmin, new Regex("^Earlier date:"), startedAt);
        Assert.Contains("less than the two weeks' notice", await Inbox.ReadBodyAsync(earlier), StringComparison.Ordinal);

        // Manage Users follows each user.
        var users = await new AdminNavigation(Page).OpenManageUsersAsync();
        await users.SearchAsync("wingtip");
        var noraName = DevelopmentAccounts.DisplayNameOf(DevelopmentAccounts.NoraFirstSso);
        await Expect(users.RowOf(noraName)).ToContainTextAsync("Migrated on");
        var liamName = DevelopmentAccounts.DisplayNameOf(DevelopmentAccounts.LiamLinked);
        await Expect(users.RowOf(liamName)).ToContainTextAsync("Waiting for the user to accept");

        // Liam opens the request he was mailed, accepts, signs in with SSO and his authenticator, and accepts.
        var request = await Inbox.WaitForMessageAsync(DevelopmentAccounts.LiamLinked, new Regex("wants to give you access"), startedAt);
        await using (var liamBrowser = await OtherBrowserAsync())
        {
            var liam = liamBrowser.Page;
            await liam.GotoAsync((await Inbox.ReadLinkAsync(request, "/access-request")).ToString());
            await Expect(liam.GetByText("Litware Partners wants to give you access to the End User Portal of Wingtip Toys")).ToBeVisibleAsync();
            await AssertAccessibleAsync("Access request from an IT provider", liam);
            var accept = liam.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true });
            await accept.ClickAsync();
            var liamSso = new SsoLoginPage(liam);
            await liamSso.SignInAsync(DevelopmentAccounts.LiamLinked, DevelopmentAccounts.Password);
            await liamSso.EnterMfaCodeAsync(await DevelopmentAccounts.AuthenticatorOf(DevelopmentAccounts.LiamLinked).NextCodeAsync());
            await Expect(liam).ToHaveURLAsync(new Regex("/access-request"));
            await accept.ClickAsync();
            await Expect(liam.GetByText("You now have access to the End User Portal of Wingtip Toys.")).ToBeVisibleAsync();
        }

        await users.SearchAsync("liam");
        await Expect(users.RowOf(liamName)).ToContainTextAsync("Migrated on");

        // Nora's first SSO login, with the password she had on the portal's form.
        await using var noraBrowser = await OtherBrowserAsync();
        var nora = noraBrowser.Page;
        var noraSso = await (await new PortalLoginPage(nora).GotoAsync()).StartSingleSignOnAsync();
        await noraSso.SignInAsync(DevelopmentAccounts.NoraFirstSso, DevelopmentAccounts.Password);
        await Expect(noraSso.ActivationDialog).ToBeVisibleAsync();
        var activation = await Inbox.WaitForMessageAsync(DevelopmentAccounts.NoraFirstSso, new Regex("activ", RegexOptions.IgnoreCase), startedAt);
        var activatePage = new ActivatePage(nora);
        await activatePage.OpenAsync(await Inbox.ReadLinkAsync(activation, "/sso/activate"));
        await Expect(activatePage.Confirmation).ToBeVisibleAsync();
        await activatePage.BackToPortal.ClickAsync();

        noraSso = await new PortalLoginPage(nora).StartSingleSignOnAsync();
        await noraSso.SignInAsync(DevelopmentAccounts.NoraFirstSso, DevelopmentAccounts.Password);
        await Expect(noraSso.EnrolmentHeading).ToBeVisibleAsync();
        var authenticator = new Authenticator(await noraSso.ReadManualKeyAsync());
        await noraSso.ConfirmEnrolmentAsync(await authenticator.NextCodeAsync());
        await noraSso.Continue.ClickAsync();
        var home = new PortalHomePage(nora);
        await Expect(home.Welcome(noraName).Or(noraSso.MfaCode)).ToBeVisibleAsync();
        if (await noraSso.MfaCode.IsVisibleAsync())
        {
            await noraSso.EnterMfaCodeAsync(await authenticator.NextCodeAsync());
        }

        await home.WaitForAsync(noraName);

        // Litware's admin, in Home > User Management: Liam, linked, keeps the RMM role he had before the
        // migration; Nora, migrated with no other product's role, is not there.
        await using var laraBrowser = await OtherBrowserAsync();
        var lara = laraBrowser.Page;
        await SignInToAdminAreaAsync(lara, DevelopmentAccounts.LaraAdmin);
        var homeUsers = new HomeUserManagementPage(lara);
        await homeUsers.OpenAsync();
        await Expect(homeUsers.RowOf(DevelopmentAccounts.LaraAdmin)).ToBeVisibleAsync();
        await Expect(homeUsers.RowOf(DevelopmentAccounts.LiamLinked)).ToContainTextAsync("rmm-technician");
        await Expect(homeUsers.RowOf(DevelopmentAccounts.NoraFirstSso)).ToHaveCountAsync(0);
        await AssertAccessibleAsync("Admin: Home > User Management", lara);

        // She gives Liam a second role in the RMM console.
        await homeUsers.OpenEditRolesAsync(liamName, "RMM Console");
        await AssertAccessibleAsync("Admin: Home > User Management, Edit roles dialog", lara);
        await homeUsers.SetRoleAsync("rmm-admin", held: true);
        await Expect(homeUsers.Notice).ToContainTextAsync($"The roles of {liamName} in the RMM Console were saved.");
        await Expect(homeUsers.RowOf(DevelopmentAccounts.LiamLinked)).ToContainTextAsync("rmm-admin");
        await Expect(homeUsers.RowOf(DevelopmentAccounts.LiamLinked)).ToContainTextAsync("rmm-technician");

        // Service state is for the people who run the platform: the operator finds it in the admin area.
        var status = new SystemStatusPage(Page);
        await status.OpenAsync();
        await Expect(status.Main).ToContainTextAsync("SQLite");
        await AssertAccessibleAsync("Admin: System status");
    });
}
