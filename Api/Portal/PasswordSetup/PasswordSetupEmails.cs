using Api.Shared;
using Api.Shared.Links;
using Api.Mail;

namespace Api.Portal.PasswordSetup;

/// <summary>
/// The portal's invitation for a new end user of a client not yet on Single Sign-On: a single-use
/// link to choose the first password of the portal's own login form.
/// </summary>
public sealed class PasswordSetupEmails(Outbox outbox, OneTimeLinks links, IConfiguration configuration)
{
    public const string Kind = "set-password";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private string Origin => PublicOrigin.Of(configuration);

    public void Queue(EndUser user)
    {
        var link = $"{Origin}set-password?token={links.Create(user.Id.ToString(), LinkPurpose.PortalPasswordSetup, Lifetime)}";
        outbox.Enqueue(Kind, user.Email, MailTemplate.Compose(
            "Choose your End User Portal password",
            user.DisplayName,
            "Your IT provider created your account on the End User Portal. Choose your password to log in:",
            link,
            "Choose my password",
            $"The link works once and expires in {Lifetime.TotalDays:0} days. Then log in with your e-mail address and that password on the portal's login form. If you do not know why you received this, you can ignore it."),
            new MailAbout(EndUserId: user.Id, PartnerId: user.Client?.PartnerId ?? user.PartnerId));
    }
}
