using System.Text.RegularExpressions;
using EndToEnd.Tests.Infrastructure;
using EndToEnd.Tests.Pages;
using EndToEnd.Tests.Pages.Admin;
using EndToEnd.Tests.Pages.Portal;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Browser;

/// <summary>
/// Passkeys after the first one (issue 20), in Chromium's virtual authenticator: the owner adds,
/// renames and removes them in Edit Profile, and the partner's Reset MFA takes them all away. Each
/// journey proves with the removed credential itself, held by a device, that it no longer signs in.
/// </summary>
public sealed class PasskeyManagementJourneyTests(StackFixture stack, BrowserFixture browser) : JourneyTest(stack, browser)
{
    private const string NotVerified = "Your passkey could not be verified";

    [Fact]
    public Task A_user_adds_a_second_passkey_removes_the_first_which_then_no_longer_signs_in_and_cannot_remove_the_last() => JourneyAsync(async () =>
    {
        const string email = DevelopmentAccounts.RheaRemoves;
        var startedAt = DateTimeOffset.UtcNow;
        var laptop = await ActivateWithPasskeyAsync(email, startedAt);
        var laptopPasskeys = await laptop.CredentialsAsync();

        // Edit Profile → Passkeys lists the one made at activation; its owner names it.
        await PortalHome.OpenEditProfileAsync();
        var passkeys = new PasskeysSection(Page);
        await passkeys.WaitForAsync();
        await Expect(passkeys.Items).ToHaveCountAsync(1);
        await passkeys.RenameAsync(await passkeys.NameAtAsync(0), "Work laptop");
        await AssertAccessibleAsync("Edit Profile: Passkeys");

        // A second passkey from another device (the laptop already holds one for this account, and
        // the browser refuses to make a second one there).
        await laptop.RemoveAsync();
        var phone = await VirtualAuthenticator.AttachAsync(Page);
        var phoneName = await passkeys.AddAsync();
        await Expect(passkeys.Items).ToHaveCountAsync(2);
        var phonePasskeys = await phone.CredentialsAsync();
        Assert.Single(phonePasskeys);

        // Remove the first through its confirmation: the list shows one, and the owner is mailed.
        await Expect(await passkeys.RemoveAsync("Work laptop")).ToHaveCountAsync(0);
        await Expect(passkeys.Notice).ToHaveTextAsync("Work laptop was removed.");
        await Expect(passkeys.Items).ToHaveCountAsync(1);
        await Expect(passkeys.RemoveButton(phoneName)).ToBeVisibleAsync();
        var removed = await Inbox.WaitForMessageAsync(email, new Regex("passkey was removed", RegexOptions.IgnoreCase), startedAt);
        Assert.Contains("Work laptop", await Inbox.ReadBodyAsync(removed), StringComparison.Ordinal);
        await Inbox.ReadLinkAsync(removed, "/sso/not-me");

        // The last passkey (no authenticator app either) is refused, with the reason in the dialog.
        var refused = await passkeys.RemoveAsync(phoneName);
        await Expect(refused.GetByRole(AriaRole.Alert)).ToContainTextAsync("This passkey is the only way you prove it is you after your password");
        await AssertAccessibleAsync("Edit Profile: removing the last passkey refused");
        await passkeys.CancelRemoveAsync(phoneName);
        await Expect(passkeys.Items).ToHaveCountAsync(1);

        // Signed out, Email → Next → Use your passkey with the laptop's removed passkey is refused;
        // the phone's passkey still signs in.
        await phone.RemoveAsync();
        await PortalHome.LogOut.ClickAsync();
        await PortalLogin.WaitForAsync();
        var sso = await PortalLogin.StartSingleSignOnAsync();
        await sso.EnterEmailAsync(email);
        var removedDevice = await VirtualAuthenticator.AttachAsync(Page, laptopPasskeys);
        await sso.UsePasskey.ClickAsync();
        await Expect(sso.Alert).ToContainTextAsync(NotVerified);
        await removedDevice.RemoveAsync();
        await VirtualAuthenticator.AttachAsync(Page, phonePasskeys);
        await sso.UsePasskey.ClickAsync();
        await PortalHome.WaitForAsync(DevelopmentAccounts.DisplayNameOf(email));
    });

    [Fact]
    public Task A_partner_admin_resets_MFA_which_removes_the_passkey_and_the_next_sign_in_sets_up_a_second_step_again() => JourneyAsync(async () =>
    {
        const string email = DevelopmentAccounts.RezaReset;
        var name = DevelopmentAccounts.DisplayNameOf(email);
        var startedAt = DateTimeOffset.UtcNow;
        var device = await ActivateWithPasskeyAsync(email, startedAt);
        await PortalHome.LogOut.ClickAsync();
        await PortalLogin.WaitForAsync();

        // The partner admin sees how she signs in (a passkey) and resets it, having read what that removes.
        await using (var paula = await OtherBrowserAsync())
        {
            await SignInToAdminAreaAsync(paula.Page, DevelopmentAccounts.PaulaAdmin);
            var users = await new AdminNavigation(paula.Page).OpenManageUsersAsync();
            await users.SearchAsync(email);
            await Expect(users.BadgeOf(name, "Passkey")).ToBeVisibleAsync();
            await users.RowActionAsync(name, "Reset MFA");
            await Expect(users.Dialog).ToContainTextAsync("their passkeys and their recovery codes are removed");
            await AssertAccessibleAsync("Admin: Reset MFA dialog", paula.Page);
            await users.ConfirmDialogAsync("Reset MFA");
            await Expect(users.RowOf(name)).ToContainTextAsync("MFA not enrolled");
            await Expect(users.BadgeOf(name, "Passkey")).ToHaveCountAsync(0);
        }

        var reset = await Inbox.WaitForMessageAsync(email, new Regex("authenticator was reset", RegexOptions.IgnoreCase), startedAt);
        Assert.Contains("passkeys", await Inbox.ReadBodyAsync(reset), StringComparison.Ordinal);

        // The device still holds the passkey and offers it from the Email field (autofill): refused.
        var passkeyAnswer = Page.WaitForResponseAsync(response => response.Request.Method == "POST" && new Uri(response.Url).AbsolutePath == "/api/sso/login/passkey");
        var sso = await PortalLogin.StartSingleSignOnAsync();
        Assert.False((await passkeyAnswer).Ok);
        await Expect(sso.Alert).ToContainTextAsync(NotVerified);

        // Email → Next offers no passkey any more; the password leads to setting up a second step again.
        await device.RemoveAsync();
        await sso.EnterEmailAsync(email);
        await Expect(sso.UsePasskey).ToHaveCountAsync(0);
        await sso.Password.FillAsync(DevelopmentAccounts.Password);
        await sso.Login.ClickAsync();
        await Expect(sso.EnrolmentHeading).ToBeVisibleAsync();
        await Expect(sso.UseAuthenticatorAppInstead).ToBeVisibleAsync();
    });

    /// <summary>
    /// A pending migrated user's first sign-in, as PasskeyJourneyTests walks it: the activation link,
    /// then Add a passkey (made by a virtual authenticator, returned still attached) and the portal.
    /// </summary>
    private async Task<VirtualAuthenticator> ActivateWithPasskeyAsync(string email, DateTimeOffset startedAt)
    {
        await ActivateFromMailAsync(email, startedAt);
        var authenticator = await VirtualAuthenticator.AttachAsync(Page);
        var sso = await PortalLogin.StartSingleSignOnAsync();
        await sso.SignInAsync(email, DevelopmentAccounts.Password);
        await Expect(sso.EnrolmentHeading).ToBeVisibleAsync();
        await sso.AddPasskey.ClickAsync();
        await Expect(sso.RecoveryCodes).ToHaveCountAsync(10);
        await sso.Continue.ClickAsync();
        await PortalHome.WaitForAsync(DevelopmentAccounts.DisplayNameOf(email));
        return authenticator;
    }
}
