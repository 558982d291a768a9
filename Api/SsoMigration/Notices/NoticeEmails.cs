using Api.Mail;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Planning;
using Microsoft.Extensions.Options;

namespace Api.SsoMigration.Notices;

/// <summary>What a partner admin reads about a batch of their clients: one e-mail per notice kind.</summary>
public sealed class NoticeEmails(IOptions<MailOptions> mail)
{
    /// <summary>The outbox kind of every migration notice (partner admins see it in their mail log).</summary>
    public const string Kind = "migration-notice";

    private const string Footer = "If you have questions about this change, reply to your platform contact, not to this e-mail.";

    public EmailContent Compose(MigrationNoticeKind kind, NoticeSubject subject, string adminName) => kind switch
    {
        MigrationNoticeKind.Upcoming => MailTemplate.Compose(
            $"Your clients move to Single Sign-On on {BatchSchedule.Day(subject.ScheduledAt, subject.TimeZone)}",
            adminName,
            [
                $"Your clients' end users move from the End User Portal's own login to Single Sign-On on {When(subject)}.",
                Clients(subject),
                .. EndUserSteps(),
            ],
            Footer),
        MigrationNoticeKind.Rescheduled => MailTemplate.Compose(
            $"New date: your clients move to Single Sign-On on {BatchSchedule.Day(subject.ScheduledAt, subject.TimeZone)}",
            adminName,
            [
                $"The move of your clients' end users to Single Sign-On has a new date: {When(subject)}. Please disregard any earlier date.",
                Clients(subject),
                .. EndUserSteps(),
            ],
            Footer),
        MigrationNoticeKind.Cancelled => MailTemplate.Compose(
            $"Cancelled: the move of your clients to Single Sign-On on {BatchSchedule.Day(subject.ScheduledAt, subject.TimeZone)}",
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
                $"The move to Single Sign-On of {When(subject)} finished, but some of your clients' end users could not be moved. They keep logging in with the End User Portal's login form until the platform team has moved them.",
                Clients(subject, "Not moved yet:"),
            ],
            Footer),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No e-mail for this notice kind."),
    };

    private static string When(NoticeSubject subject) => BatchSchedule.Describe(subject.ScheduledAt, subject.TimeZone);

    private static string Clients(NoticeSubject subject, string heading = "Your clients in this move:") =>
        heading + "\n" + string.Join("\n", subject.Clients.Select(c => $"- {c.Name}: {c.EndUsers} {(c.EndUsers == 1 ? "end user" : "end users")}"));

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

/// <summary>What a notice tells one partner: the batch's date in its zone and that partner's clients in it.</summary>
public sealed record NoticeSubject(DateTime ScheduledAt, string TimeZone, IReadOnlyList<NoticeClient> Clients);

/// <param name="EndUsers">The client's end users the batch moves (not deleted, not migrated yet); for a Failed notice, those that could not be moved.</param>
public sealed record NoticeClient(string Name, int EndUsers);
