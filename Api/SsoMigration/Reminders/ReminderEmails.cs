using System.Globalization;
using Api.Mail;
using Api.Shared;
using Api.Sso.Accounts;
using Microsoft.Extensions.Options;

namespace Api.SsoMigration.Reminders;

/// <summary>
/// What an end user stuck after their move to SSO reads: the step they have not done, in the
/// seed's words (the labels they will see on the screens), with a fresh activation link when the
/// step is activating. From DoNotReply@ like every sign-in e-mail; subjects say what they are.
/// </summary>
public sealed class ReminderEmails(IOptions<MailOptions> mail, IConfiguration configuration)
{
    /// <summary>The outbox kind of every reminder (the user's mail log in Manage Users shows it).</summary>
    public const string Kind = "migration-reminder";

    public const string ActivateSubject = "Reminder: activate your email account for Single Sign-On";
    public const string LastActivateSubject = "Last reminder: activate your email account for Single Sign-On";
    public const string EnrolSubject = "Reminder: set up your authenticator app for Single Sign-On";

    private const string Footer = "If you have questions, ask your IT provider, not this e-mail address.";

    private string Portal => PublicOrigin.Of(configuration);

    /// <param name="movedAt">When the user's sign-in moved to SSO (UTC), if known.</param>
    public EmailContent Activate(string name, ActivationLink link, MigrationReminderKind kind, DateTime? movedAt)
    {
        var lead = kind == MigrationReminderKind.Manual
            ? "Your IT provider asked us to remind you: your End User Portal sign-in now uses Single Sign-On, and your e-mail account is not activated yet."
            : $"Your End User Portal sign-in moved to Single Sign-On{On(movedAt)}, and your e-mail account is not activated yet.";
        var action = link.SetsPassword
            ? "Activate it by choosing your password with this link:"
            : "Activate it with this link:";
        return MailTemplate.Compose(
            kind == MigrationReminderKind.NotActivatedSecond ? LastActivateSubject : ActivateSubject,
            name,
            [lead, action],
            link.Url,
            "Activate my account",
            [
                "Then log in like this:\n" + string.Join("\n",
                    $"1. Open the End User Portal ({Portal}) and click Log in with Single Sign-On.",
                    "2. Enter your Email address and click Next.",
                    $"3. Enter your Password ({(link.SetsPassword ? "the one you chose" : "the one you use today")}) and click Login.",
                    "4. The first time, set up an authenticator app: scan the QR code with it and enter the code it shows.",
                    "5. Enter the MFA Code from your authenticator app and click Login. You are directed to the End User Portal."),
                $"The link works once and expires in {link.Lifetime.TotalHours:0} hours; activation links in earlier e-mails no longer work. If it has expired, follow steps 1 to 3: you are sent a new one.",
                ForgotPassword(),
            ],
            Footer);
    }

    /// <param name="movedAt">When the user's sign-in moved to SSO (UTC), if known.</param>
    public EmailContent Enrol(string name, MigrationReminderKind kind, DateTime? movedAt) =>
        MailTemplate.Compose(
            EnrolSubject,
            name,
            [
                kind == MigrationReminderKind.Manual
                    ? "Your IT provider asked us to remind you: your e-mail account is activated, and one step is left before you can use the End User Portal with Single Sign-On: setting up an authenticator app."
                    : $"Your End User Portal sign-in moved to Single Sign-On{On(movedAt)}. Your e-mail account is activated; one step is left: setting up an authenticator app, which gives you the MFA code you enter at each sign-in.",
                "How to do it (it takes two minutes):\n" + string.Join("\n",
                    "1. Install an authenticator app on your phone, such as Microsoft Authenticator or Google Authenticator, if you have none.",
                    $"2. Open the End User Portal ({Portal}) and click Log in with Single Sign-On.",
                    "3. Enter your Email address and click Next, then your Password, and click Login.",
                    "4. On Set up your authenticator, scan the QR code with the app (or type the Manual key into it), enter the Authentication code the app shows, and click Verify.",
                    "5. Keep the recovery codes shown once in a safe place: each lets you in once if you lose your phone. Click Continue.",
                    "6. From then on, enter your Email, Password and the MFA Code from the app, and click Login. You are directed to the End User Portal."),
                ForgotPassword(),
            ],
            Footer);

    private string ForgotPassword() =>
        $"Forgot your password? Click Forgot Password on the Single Sign-On screen. E-mails about your sign-in come from {mail.Value.FromAddress}.";

    private static string On(DateTime? movedAt) =>
        movedAt is { } at ? " on " + at.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : "";
}
