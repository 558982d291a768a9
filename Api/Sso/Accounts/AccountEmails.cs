using Api.Shared;
using System.Globalization;
using Api.Shared.Links;
using Api.Mail;
using Api.Sso.Keys;

namespace Api.Sso.Accounts;

/// <summary>A fresh activation link for another module to mail in its own words (a reminder).</summary>
/// <param name="SetsPassword">The account has no password yet: opening the link chooses one (and activates the address).</param>
public sealed record ActivationLink(string Url, TimeSpan Lifetime, bool SetsPassword);

/// <summary>The SSO's account e-mails: activation, password reset, and the notices of password and authenticator changes.</summary>
public sealed class AccountEmails(Outbox outbox, OneTimeLinks links, IConfiguration configuration)
{
    public static readonly TimeSpan ActivationLifetime = TimeSpan.FromHours(24);

    public TimeSpan ResetLifetime { get; } = configuration.GetValue("Identity:PasswordResetLinkLifetime", TimeSpan.FromMinutes(30));

    /// <summary>How long the "this was not me" link of an authenticator notice works: long enough for a holiday.</summary>
    public TimeSpan NotMeLifetime { get; } = configuration.GetValue("Identity:NotMeLinkLifetime", TimeSpan.FromDays(7));

    private string Origin => PublicOrigin.Of(configuration);

    /// <summary>
    /// A new activation link (saved with the caller's SaveChanges): the activation page for an
    /// account with a password, the choose-your-password page for one created without.
    /// </summary>
    public ActivationLink NewActivationLink(SsoAccount account) => account.PasswordHash is null
        ? new(InvitationUrl(account), ActivationLifetime, SetsPassword: true)
        : new(ActivationUrl(account), ActivationLifetime, SetsPassword: false);

    public void QueueActivation(SsoAccount account)
    {
        var link = ActivationUrl(account);
        outbox.Enqueue("activation", account.Email!, Compose(
            "Activate your email account",
            account.DisplayName,
            "Your portal sign-in now uses the platform's single sign-on. Activate your e-mail account to continue:",
            link,
            "Activate my account",
            $"The link works once and expires in {ActivationLifetime.TotalHours:0} hours. If you did not try to sign in, you can ignore this e-mail."), About(account));
    }

    /// <summary>
    /// The activation e-mail of an account created for someone (by their IT provider) rather than
    /// migrated: it has no password yet, so the link both proves the address and sets one.
    /// </summary>
    public void QueueInvitation(SsoAccount account)
    {
        var link = InvitationUrl(account);
        outbox.Enqueue("activation", account.Email!, Compose(
            "Activate your email account",
            account.DisplayName,
            "Your IT provider created your account on the platform's single sign-on. Activate your e-mail account by choosing your password:",
            link,
            "Activate my account",
            $"The link works once and expires in {ActivationLifetime.TotalHours:0} hours. If you do not know why you received this, you can ignore it."), About(account));
    }

    /// <summary>Tells the old address that sign-in moved to a new one, so a hijacked change does not go unnoticed.</summary>
    public void QueueEmailChanged(string accountId, string oldEmail, string name, string newEmail) =>
        outbox.Enqueue("email-changed", oldEmail, Compose(
            "Your sign-in e-mail was changed",
            name,
            $"Your IT provider changed the e-mail address you sign in with to {newEmail}. Every device was signed out; the new address must be activated before the next sign-in.",
            null,
            null,
            "If you did not expect this, tell your IT provider at once."), new MailAbout(AccountId: accountId));

    public void QueuePasswordReset(SsoAccount account)
    {
        var link = $"{Origin}sso/reset-password?token={links.Create(account.Id, LinkPurpose.PasswordReset, ResetLifetime)}";
        outbox.Enqueue("password-reset", account.Email!, Compose(
            "Reset your password",
            account.DisplayName,
            "Someone (hopefully you) asked to reset the password of your single sign-on account. Choose a new password here:",
            link,
            "Reset my password",
            $"The link works once and expires in {ResetLifetime.TotalMinutes:0} minutes. If you did not ask for it, ignore this e-mail: your password stays as it is."), About(account));
    }

    public void QueuePasswordChanged(SsoAccount account) => QueuePasswordChanged(account.Email!, account.DisplayName, About(account));

    /// <summary>Any product's password change (the SSO's, or the portal's own form before migration).</summary>
    public void QueuePasswordChanged(string email, string name, MailAbout? about = null) =>
        outbox.Enqueue("password-changed", email, Compose(
            "Your password was changed",
            name,
            "Your password was just changed, and every other device was signed out.",
            null,
            null,
            "If this was not you, use Forgot Password on the sign-in screen at once and tell your IT provider."), about);

    public void QueueLockedOut(SsoAccount account) =>
        outbox.Enqueue("account-locked", account.Email!, Compose(
            "Sign-in to your account was paused",
            account.DisplayName,
            "Several wrong passwords or codes were entered for your single sign-on account, so sign-in from unrecognised browsers is paused for a few minutes. Browsers where you have signed in before can still sign in.",
            null,
            null,
            "If this was you, wait a few minutes and try again. If it was not you, your password may be known to someone else: use Forgot Password on the sign-in screen to choose a new one, and tell your IT provider."), About(account));

    /// <summary>An authenticator was just set up: the owner hears of it, with a way to undo it if it was not them.</summary>
    public void QueueAuthenticatorEnrolled(SsoAccount account, DateTime at) =>
        outbox.Enqueue("authenticator-enrolled", account.Email!, Compose(
            "An authenticator app was added to your account",
            account.DisplayName,
            $"An authenticator app was set up for your single sign-on account on {Describe(at)}. From now on, signing in asks for its code. If this was you, there is nothing to do. If it was not you, someone knows your password: open this link and confirm.",
            NotMeLink(account),
            "This was not me",
            NotMeFooter("removes that authenticator")), About(account));

    /// <summary>The authenticator was removed (by an administrator): the owner hears of it, with the same way out.</summary>
    public void QueueAuthenticatorReset(SsoAccount account, DateTime at) =>
        outbox.Enqueue("authenticator-reset", account.Email!, Compose(
            "Your authenticator was reset",
            account.DisplayName,
            $"The authenticator app and any passkeys of your single sign-on account were removed on {Describe(at)}, and every device was signed out. The next time you sign in, you will set up an authenticator again. If you did not ask your IT provider for this, open this link and confirm.",
            NotMeLink(account),
            "This was not me",
            NotMeFooter("removes any authenticator set up since")), About(account));

    /// <summary>A passkey was added (at the first sign-in or in Edit Profile): the owner hears of it, with the way out.</summary>
    public void QueuePasskeyAdded(SsoAccount account, DateTime at) =>
        outbox.Enqueue("passkey-added", account.Email!, Compose(
            "A passkey was added to your account",
            account.DisplayName,
            $"A passkey was added to your single sign-on account on {Describe(at)}. It signs in without your password. If this was you, there is nothing to do. If it was not you, open this link and confirm.",
            NotMeLink(account),
            "This was not me",
            NotMeFooter("removes every passkey and authenticator")), About(account));

    /// <summary>A passkey was removed: the owner hears of it, with the same way out.</summary>
    public void QueuePasskeyRemoved(SsoAccount account, string name, DateTime at) =>
        outbox.Enqueue("passkey-removed", account.Email!, Compose(
            "A passkey was removed from your account",
            account.DisplayName,
            $"The passkey \"{name}\" was removed from your single sign-on account on {Describe(at)}. If this was you, there is nothing to do. If it was not you, open this link and confirm.",
            NotMeLink(account),
            "This was not me",
            NotMeFooter("removes every passkey and authenticator")), About(account));

    private string ActivationUrl(SsoAccount account) =>
        $"{Origin}sso/activate?token={links.Create(account.Id, LinkPurpose.Activation, ActivationLifetime)}";

    /// <summary>Activation by choosing a password: the reset page, welcoming.</summary>
    private string InvitationUrl(SsoAccount account) =>
        $"{Origin}sso/reset-password?token={links.Create(account.Id, LinkPurpose.PasswordReset, ActivationLifetime)}&welcome=1";

    private string NotMeLink(SsoAccount account) =>
        $"{Origin}sso/not-me?token={links.Create(account.Id, LinkPurpose.RemoveAuthenticator, NotMeLifetime)}";

    private string NotMeFooter(string removes) =>
        $"Confirming {removes}, signs out every device and sends you an e-mail to choose a new password (the current one stops working). The link works once and expires in {Describe(NotMeLifetime)}. Tell your IT provider too.";

    private static string Describe(DateTime utc) => utc.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Describe(TimeSpan lifetime) =>
        lifetime.TotalDays >= 2 ? $"{lifetime.TotalDays:0} days"
        : lifetime.TotalHours >= 2 ? $"{lifetime.TotalHours:0} hours"
        : $"{lifetime.TotalMinutes:0} minutes";

    private static MailAbout About(SsoAccount account) => new(AccountId: account.Id);

    private static EmailContent Compose(string subject, string name, string lead, string? link, string? action, string footer) =>
        MailTemplate.Compose(subject, name, lead, link, action, footer);
}
