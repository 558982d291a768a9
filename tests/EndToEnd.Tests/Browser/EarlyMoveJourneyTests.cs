using System.Text.RegularExpressions;
using EndToEnd.Tests.Infrastructure;
using EndToEnd.Tests.Pages;
using EndToEnd.Tests.Pages.Admin;
using static EndToEnd.Tests.Browser.DevelopmentAccounts;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Browser;

/// <summary>
/// Issue 19, mixed mode, in a real browser: the operator plans a batch for Fourth Coffee that lets its
/// users move early. Vera, who has not moved yet, logs in on the portal's own form as she always has,
/// is moved at that moment and goes straight on in the same browser: the activation dialog, the e-mail,
/// the SSO sign-in with the password she just typed, her authenticator, the portal. Manage Users shows
/// her migrated today; when the batch runs it moves Walt and leaves Vera as she is, saying why.
/// </summary>
public sealed class EarlyMoveJourneyTests(StackFixture stack, BrowserFixture browser) : JourneyTest(stack, browser)
{
    private const string BatchName = "Fourth Coffee early wave";

    [Fact]
    public Task A_legacy_user_logs_in_on_the_portal_form_inside_the_window_and_ends_up_in_the_portal_through_sso() => JourneyAsync(async () =>
    {
        var startedAt = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // The operator plans the batch two weeks ahead, with early moves from yesterday (open now in any zone).
        await SignInToAdminAreaAsync(Page, OlgaOperator);
        var console = new MigrationConsolePage(Page);
        await console.OpenAsync();
        await console.CreateAsync(BatchName, "Fourth Coffee", today.AddDays(15), "09:00", earlyMovesFrom: (today.AddDays(-1), "00:00"));
        await Expect(console.Fact("Early moves")).ToContainTextAsync("users move as they log in on the portal's form");

        // Vera logs in on the portal's own form, and finds herself on the SSO screen, asked to activate.
        await using var veraBrowser = await OtherBrowserAsync();
        var vera = veraBrowser.Page;
        await (await new PortalLoginPage(vera).GotoAsync()).LogInWithPortalPasswordAsync(VeraEarly, Password);
        var sso = new SsoLoginPage(vera);
        await Expect(sso.ActivationDialog).ToBeVisibleAsync();
        await Expect(sso.ActivationDialog).ToContainTextAsync(VeraEarly);
        await AssertAccessibleAsync("SSO: activation dialog right after a move at log-in", vera);

        var activation = await Inbox.WaitForMessageAsync(VeraEarly, new Regex("activ", RegexOptions.IgnoreCase), startedAt);
        var activatePage = new ActivatePage(vera);
        await activatePage.OpenAsync(await Inbox.ReadLinkAsync(activation, "/sso/activate"));
        await Expect(activatePage.Confirmation).ToBeVisibleAsync();
        await activatePage.BackToPortal.ClickAsync();

        // Log in with Single Sign-On, with the password she typed on the portal's form; enrol; the portal.
        sso = await new PortalLoginPage(vera).StartSingleSignOnAsync();
        await sso.SignInAsync(VeraEarly, Password);
        await Expect(sso.EnrolmentHeading).ToBeVisibleAsync();
        var authenticator = new Authenticator(await sso.ReadManualKeyAsync());
        await sso.ConfirmEnrolmentAsync(await authenticator.NextCodeAsync());
        await sso.Continue.ClickAsync();
        var veraName = DisplayNameOf(VeraEarly);
        var home = new PortalHomePage(vera);
        await Expect(home.Welcome(veraName).Or(sso.MfaCode)).ToBeVisibleAsync();
        if (await sso.MfaCode.IsVisibleAsync())
        {
            await sso.EnterMfaCodeAsync(await authenticator.NextCodeAsync());
        }

        await home.WaitForAsync(veraName);

        // Manage Users: Vera is migrated, today; Walt, who has not logged in, is not yet.
        var users = await new AdminNavigation(Page).OpenManageUsersAsync();
        await users.SearchAsync("fourthcoffee");
        var day = await Page.EvaluateAsync<string>("() => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date())");
        await Expect(users.RowOf(veraName)).ToContainTextAsync($"Migrated on {day}");
        await Expect(users.RowOf(DisplayNameOf(WaltOnTheDate))).ToContainTextAsync("Not migrated");

        // The batch runs: Walt moves with it, Vera's result says she moved when she logged in.
        // Its partner was told the date when early moves opened, so running it now breaks the two
        // weeks' notice: the operator confirms and the partner is e-mailed.
        await console.OpenBatchAsync(BatchName);
        await console.RunNowBreakingTheNoticeAsync();
        await Expect(console.Percent).ToHaveTextAsync("100%", new() { Timeout = 60_000 });
        await Expect(console.ResultRow(VeraEarly)).ToContainTextAsync("when they logged in on the portal's form");
        await Expect(console.ResultRow(WaltOnTheDate)).ToContainTextAsync("Migrated");
        await AssertAccessibleAsync("Admin: batch results with a user who moved at log-in");

        // Nothing was done twice: Vera got one activation e-mail, and still signs in as before.
        var mails = (await Inbox.ListAsync())
            .Where(m => m.To.Any(to => to.Contains(VeraEarly, StringComparison.OrdinalIgnoreCase)) && m.ReceivedDate >= startedAt)
            .Where(m => Regex.IsMatch(m.Subject, "activ", RegexOptions.IgnoreCase));
        Assert.Single(mails);
        await vera.ReloadAsync();
        await home.WaitForAsync(veraName);
    });
}
