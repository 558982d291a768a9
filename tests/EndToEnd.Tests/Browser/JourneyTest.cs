using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using EndToEnd.Tests.Infrastructure;
using EndToEnd.Tests.Mail;
using EndToEnd.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Browser;

/// <summary>
/// A user journey through the portal and the SSO screens: page objects, the inbox, and on failure a
/// screenshot (path and page URL in the failure message) so that the step that broke is obvious.
/// </summary>
public abstract class JourneyTest(StackFixture stack, BrowserFixture browser) : BrowserTest(stack, browser), IDisposable
{
    private MailInbox? inbox;

    protected MailInbox Inbox => inbox ??= new MailInbox(Stack.MailInboxUrl);

    protected PortalLoginPage PortalLogin => new(Page);

    protected PortalHomePage PortalHome => new(Page);

    /// <summary>The whole SSO login of an enrolled account, from the portal's first page to its home.</summary>
    protected async Task SignInWithSingleSignOnAsync(string email, string password, Authenticator authenticator)
    {
        var sso = await (await PortalLogin.GotoAsync()).StartSingleSignOnAsync();
        await sso.SignInAsync(email, password);
        await sso.EnterMfaCodeAsync(await authenticator.NextCodeAsync());
        await PortalHome.WaitForAsync(DevelopmentAccounts.DisplayNameOf(email));
    }

    /// <summary>
    /// A pending migrated user's first SSO login up to the activation mail's link, opened: the
    /// portal's login page again, ready for the first sign-in with an activated e-mail.
    /// </summary>
    protected async Task ActivateFromMailAsync(string email, DateTimeOffset startedAt)
    {
        var sso = await (await PortalLogin.GotoAsync()).StartSingleSignOnAsync();
        await sso.SignInAsync(email, DevelopmentAccounts.Password);
        await Expect(sso.ActivationDialog).ToBeVisibleAsync();
        var mail = await Inbox.WaitForMessageAsync(email, new Regex("activ", RegexOptions.IgnoreCase), startedAt);
        var activation = new ActivatePage(Page);
        await activation.OpenAsync(await Inbox.ReadLinkAsync(mail, "/sso/activate"));
        await Expect(activation.Confirmation).ToBeVisibleAsync();
        await activation.BackToPortal.ClickAsync();
        await PortalLogin.WaitForAsync();
    }

    /// <summary>The SSO login of an enrolled staff account (partner staff, operator), in this or another person's browser, to the admin area.</summary>
    protected static async Task SignInToAdminAreaAsync(IPage page, string email)
    {
        var sso = await (await new PortalLoginPage(page).GotoAsync()).StartSingleSignOnAsync();
        await sso.SignInAsync(email, DevelopmentAccounts.Password);
        await sso.EnterMfaCodeAsync(await DevelopmentAccounts.AuthenticatorOf(email).NextCodeAsync());
        await Expect(page).ToHaveURLAsync(new Regex("/admin"));
    }

    /// <summary>The axe check of the page as the user sees it now (another person's page when given).</summary>
    protected Task AssertAccessibleAsync(string pageName, IPage? page = null) =>
        Accessibility.AssertNoSeriousViolationsAsync(page ?? Page, pageName);

    /// <summary>Runs the journey; when it fails, saves a screenshot and names it with the page's URL.</summary>
    protected async Task JourneyAsync(Func<Task> journey, [CallerMemberName] string name = "")
    {
        try
        {
            await journey();
        }
        catch (Exception failure) when (failure is not JourneyFailedException)
        {
            var screenshot = Path.Combine(Path.GetTempPath(), $"e2e-{GetType().Name}-{name}.png");
            var url = Page.IsClosed ? "(page closed)" : Page.Url;
            try
            {
                await Page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
            }
            catch (PlaywrightException)
            {
                screenshot = "(no screenshot)";
            }

            throw new JourneyFailedException($"{failure.Message}\nPage: {url}\nScreenshot: {screenshot}", failure);
        }
    }

    public void Dispose()
    {
        inbox?.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class JourneyFailedException(string message, Exception inner) : Exception(message, inner);
