using Api.Mail;
using Api.Shared;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Planning;
using Microsoft.Extensions.Options;

namespace Api.SsoMigration.Notices;

/// <summary>What a partner admin reads about a batch of their clients: one e-mail per notice kind.</summary>
public sealed class NoticeEmails(IOptions<MailOptions> mail, IConfiguration configuration)
{
    /// <summary>The outbox kind of every migration notice (partner admins see it in their mail log).</summary>
    public const string Kind = "migration-notice";

    /// <summary>The users left behind named in one e-mail at most; the rest are in Manage Users.</summary>
    public const int NamedUsers = 20;

    /// <summary>The admin area's pages a notice points to (routes of the SPA).</summary>
    public const string NeedsAttentionPath = "admin/settings/account-administration/users/manage-users?needsAttention=true";
    public const string HelpPath = "admin/help/partially-migrated";

    private const string Footer = "If you have questions about this change, reply to your platform contact, not to this e-mail.";

    private string Origin => PublicOrigin.Of(configuration);

    public EmailContent Compose(MigrationNoticeKind kind, NoticeSubject subject, string adminName) => kind switch
    {
        MigrationNoticeKind.Upcoming => MailTemplate.Compose(
            $"Your clients move to Single Sign-On on {Day(subject)}",
            adminName,
            [
                $"Your clients' end users move from the End User Portal's own login to Single Sign-On on {When(subject)}.",
                .. Moving(subject),
                .. EndUserSteps(),
            ],
            Footer),
        MigrationNoticeKind.Rescheduled => MailTemplate.Compose(
            $"New date: your clients move to Single Sign-On on {Day(subject)}",
            adminName,
            [
                $"The move of your clients' end users to Single Sign-On has a new date: {When(subject)}. Please disregard any earlier date.",
                .. Moving(subject),
                .. EndUserSteps(),
            ],
            Footer),
        MigrationNoticeKind.BroughtForward => MailTemplate.Compose(
            $"Earlier date: your clients move to Single Sign-On on {Day(subject)}",
            adminName,
            [
                $"The move of your clients' end users to Single Sign-On, announced for {Previous(subject)}, has been brought forward to {When(subject)}. "
                + "This is less than the two weeks' notice we promised, and we are sorry for the short notice. Please disregard the earlier date.",
                .. Moving(subject),
                .. EndUserSteps(),
            ],
            Footer),
        MigrationNoticeKind.Cancelled => MailTemplate.Compose(
            $"Cancelled: the move of your clients to Single Sign-On on {Day(subject)}",
            adminName,
            [
                $"The move of your clients' end users to Single Sign-On planned for {When(subject)} is cancelled. They keep logging in with the End User Portal's login form; you will be told the new date at least two weeks ahead.",
                Clients(subject),
            ],
            Footer),
        MigrationNoticeKind.Failed => MailTemplate.Compose(
            "Some of your clients' end users could not be moved to Single Sign-On",
            adminName,
            [
                $"The move to Single Sign-On of {When(subject)} finished, but some of your clients' end users could not be moved. "
                + "They keep logging in with the End User Portal's login form and are retried automatically at the next run; we will e-mail you its date as soon as it is set.",
                Clients(subject, "Not moved yet:"),
                $"Why each one failed, and the ones you can fix, are in Manage Users under Needs attention: {Origin}{NeedsAttentionPath}",
                Help(),
            ],
            Footer),
        MigrationNoticeKind.Paused => MailTemplate.Compose(
            "Paused: the move of your clients to Single Sign-On",
            adminName,
            [
                $"The move of your clients' end users to Single Sign-On that started on {When(subject)} is paused because of a technical issue. "
                + "End users already moved keep using Single Sign-On; the others keep using the End User Portal's login form. We will e-mail you the new date as soon as it is set.",
                Clients(subject, "Not moved yet:"),
                Help(),
            ],
            Footer),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No e-mail for this notice kind."),
    };

    private static string Day(NoticeSubject subject) => BatchSchedule.Day(subject.ScheduledAt, subject.TimeZone);

    private static string When(NoticeSubject subject) => BatchSchedule.Describe(subject.ScheduledAt, subject.TimeZone);

    private static string Previous(NoticeSubject subject) =>
        subject.PreviousScheduledAt is { } previous ? BatchSchedule.Describe(previous, subject.TimeZone) : "an earlier date";

    private static string Clients(NoticeSubject subject, string heading = "Your clients in this move:") =>
        heading + "\n" + string.Join("\n", subject.Clients.Select(c => $"- {c.Name}: {Users(c.EndUsers)}"));

    private static string Users(int count) => $"{count} {(count == 1 ? "end user" : "end users")}";

    /// <summary>Who moves (counted per client) and who does not (named, with why), so the partner can act before the date.</summary>
    private IEnumerable<string> Moving(NoticeSubject subject)
    {
        yield return Clients(subject, "Your clients in this move, with the end users who move:");
        if (subject.Behind.Count == 0)
        {
            yield break;
        }

        var named = subject.Behind.Take(NamedUsers).Select(u => $"- {u.Name} ({u.Email}), {u.ClientName}: {u.Why}");
        var more = subject.Behind.Count > NamedUsers ? [$"…and {Users(subject.Behind.Count - NamedUsers)} more."] : Array.Empty<string>();
        yield return string.Join("\n", [$"{Users(subject.Behind.Count)} will not move on that date:", .. named, .. more]);
        yield return $"The ones you can fix are listed in Manage Users under Needs attention: {Origin}{NeedsAttentionPath}";
    }

    private string Help() => $"What each state in the Migrated to SSO column means, and what to do: {Origin}{HelpPath}";

    /// <summary>The seed's end-user steps, ready to forward as they are.</summary>
    private IEnumerable<string> EndUserSteps() =>
    [
        "What your end users do from that date (you can forward this part to them):",
        string.Join("\n",
            "1. Open the End User Portal and click Log in with Single Sign-On.",
            "2. Enter your Email address and click Next.",
            "3. Enter your Password (the one you use today) and click Login.",
            "4. The first time, you are asked to activate your email account: open the e-mail you receive and click its activation link, then return to the portal and click Log in with Single Sign-On again.",
            "5. Enter your Email and Password, then the MFA Code from your authenticator app (the first time, you set one up by scanning a QR code), and click Login. You are redirected to the End User Portal."),
        $"Forgot your password? Click Forgot Password on the Single Sign-On screen. E-mails about your sign-in come from {mail.Value.FromAddress}.",
    ];
}

/// <summary>What a notice tells one partner: the batch's date in its zone, that partner's clients in it, and who stays behind.</summary>
/// <param name="Behind">The partner's end users the run will not move, with why (empty for the notices that do not name them).</param>
public sealed record NoticeSubject(DateTime ScheduledAt, string TimeZone, IReadOnlyList<NoticeClient> Clients, IReadOnlyList<NoticeUser> Behind)
{
    /// <summary>The date the partner was told before (a brought-forward notice names it).</summary>
    public DateTime? PreviousScheduledAt { get; init; }
}

/// <param name="EndUsers">The client's end users the batch moves (not deleted, not migrated yet, not left behind by the readiness check); for a Failed or Paused notice, those not moved yet.</param>
public sealed record NoticeClient(string Name, int EndUsers);

/// <param name="Why">Why the run leaves them behind and what makes them move, in the partner's words.</param>
public sealed record NoticeUser(string Name, string Email, string ClientName, string Why);
