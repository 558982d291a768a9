using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using EndToEnd.Tests.Infrastructure;
using EndToEnd.Tests.Pages;
using EndToEnd.Tests.Pages.Admin;
using EndToEnd.Tests.Pages.Rmm;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Browser;

/// <summary>
/// Issue 10's acceptance, in a real browser against the AppHost-started stack: single sign-on across
/// the platform's products. The portal and the RMM console (a second product, a confidential OIDC
/// client on an origin of its own) share one SSO session: signed in to one, the other needs no prompt;
/// logged out of one, the other asks for sign-in again.
/// </summary>
public sealed class RmmConsoleJourneyTests(StackFixture stack, BrowserFixture browser) : JourneyTest(stack, browser)
{
    private static readonly string PaulaName = DevelopmentAccounts.DisplayNameOf(DevelopmentAccounts.PaulaAdmin);

    [Fact]
    public Task A_partner_admin_signed_in_to_the_portal_opens_the_RMM_console_without_a_prompt_and_logging_out_of_either_ends_both() => JourneyAsync(async () =>
    {
        var ssoScreens = new List<string>();

        // Paula signs in to the portal with SSO and MFA, and the admin area calls the Api with her portal token.
        await SignInToAdminAreaAsync(Page, DevelopmentAccounts.PaulaAdmin);
        var adminCall = await Page.RunAndWaitForRequestAsync(
            () => new AdminNavigation(Page).OpenManageUsersAsync(),
            request => request.Url.Contains("/api/admin/", StringComparison.Ordinal));
        var portalToken = (await adminCall.AllHeadersAsync())["authorization"];

        // The RMM console, in another tab of the same browser: in at once, no SSO screen on the way.
        var consoleTab = await Context.NewPageAsync();
        consoleTab.FrameNavigated += (_, frame) =>
        {
            if (frame.ParentFrame is null && SsoLoginPage.Url.IsMatch(frame.Url))
            {
                ssoScreens.Add(frame.Url);
            }
        };
        var console = new RmmConsolePage(consoleTab, Stack.RmmConsoleUrl);
        await console.OpenAsync();
        await console.WaitForHomeAsync(PaulaName);
        Assert.Empty(ssoScreens);
        await Expect(consoleTab.GetByText(DevelopmentAccounts.PaulaAdmin)).ToBeVisibleAsync();
        await Expect(console.Roles.Filter(new() { HasText = "rmm-admin" })).ToHaveCountAsync(1);
        // The console's token carries the console's roles only, none of the portal's.
        await Expect(console.Roles.Filter(new() { HasText = "partner-admin" })).ToHaveCountAsync(0);
        await AssertAccessibleAsync("RMM console: home", consoleTab);

        // The portal's token is no key to the console's Api.
        using (var http = new HttpClient())
        {
            using var whoami = new HttpRequestMessage(HttpMethod.Get, new Uri(Stack.RmmConsoleUrl, "/api/whoami"));
            whoami.Headers.Authorization = AuthenticationHeaderValue.Parse(portalToken);
            using var refused = await http.SendAsync(whoami);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        // Log out in the console: its own "You have logged out" page.
        await console.LogOutAsync();
        await AssertAccessibleAsync("RMM console: logged out", consoleTab);

        // The portal's next Api call finds the SSO session ended: the login page says so.
        await new AdminNavigation(Page).Link("Tickets").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/\?session=ended"));
        await PortalLogin.WaitForAsync();

        // The console asks for sign-in again, on the SSO screen; after it Paula lands back in the console.
        await console.OpenAsync();
        var consoleSso = new SsoLoginPage(consoleTab);
        await consoleSso.WaitForAsync();
        await consoleSso.SignInAsync(DevelopmentAccounts.PaulaAdmin, DevelopmentAccounts.Password);
        await consoleSso.EnterMfaCodeAsync(await DevelopmentAccounts.AuthenticatorOf(DevelopmentAccounts.PaulaAdmin).NextCodeAsync());
        await console.WaitForHomeAsync(PaulaName);

        // Now the portal needs no prompt; and logging out of the portal ends the console's session (back-channel logout).
        await PortalLogin.SingleSignOn.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/admin"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Log out", Exact = true }).ClickAsync();
        await PortalLogin.WaitForAsync();
        await console.OpenUntilSignInIsAskedAsync();
    });

    [Fact]
    public Task An_end_user_without_a_role_in_the_RMM_console_signs_in_there_first_and_gets_its_refusal_page() => JourneyAsync(async () =>
    {
        const string email = DevelopmentAccounts.AvaEriksen;
        var console = new RmmConsolePage(Page, Stack.RmmConsoleUrl);

        // Signed in nowhere: the console sends her to the same SSO screen as the portal does.
        await console.OpenAsync();
        var sso = new SsoLoginPage(Page);
        await sso.WaitForAsync();
        await sso.SignInAsync(email, DevelopmentAccounts.Password);
        await sso.EnterMfaCodeAsync(await DevelopmentAccounts.AuthenticatorOf(email).NextCodeAsync());

        // Back in the console, which has no role for her: a page that says so and what to do.
        await Expect(console.Refusal).ToBeVisibleAsync();
        await Expect(Page).ToHaveURLAsync(console.Url);
        await Expect(Page.GetByText("Home > User Management")).ToBeVisibleAsync();
        await Expect(console.Roles).ToHaveCountAsync(0);
        await Expect(console.LogOut).ToBeVisibleAsync();
        await AssertAccessibleAsync("RMM console: no role");
    });
}
