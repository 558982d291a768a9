using Api.Mail;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Planning;
using Microsoft.Extensions.Options;

namespace Api.SsoMigration.Reminders;

/// <summary>What a partner admin reads when too few of their clients' moved end users activated: the counts, the clients, what to do.</summary>
public sealed class DigestEmails(IOptions<ReminderOptions> options)
{
    public EmailContent Compose(MigrationBatch batch, IReadOnlyList<DigestClient> clients, string adminName)
    {
        var settings = options.Value;
        var moved = clients.Sum(c => c.Moved);
        var activated = clients.Sum(c => c.Activated);
        var below = clients.Where(c => c.Activated * 100 < settings.DigestThresholdPercent * c.Moved).ToList();
        return MailTemplate.Compose(
            $"Activation below {settings.DigestThresholdPercent} %: your clients' move to Single Sign-On on {BatchSchedule.Day(batch.ScheduledAt, batch.TimeZone)}",
            adminName,
            [
                $"{settings.DigestAfterDays} days after your clients' end users moved to Single Sign-On ({BatchSchedule.Describe(batch.ScheduledAt, batch.TimeZone)}), "
                    + $"{activated} of {moved} have activated their e-mail account ({Percent(activated, moved)}), fewer than {settings.DigestThresholdPercent} %. "
                    + "Until they activate, they cannot log in to the End User Portal.",
                $"Clients below {settings.DigestThresholdPercent} %:\n" + string.Join("\n", below.Select(Line)),
                $"Those not activated were reminded by e-mail {settings.FirstAfterDays} and {settings.SecondAfterDays} days after the move (unless you turned automatic reminders off for their client), with the steps and a fresh activation link.",
                "What you can do: in Manage Users, choose SSO state Activation pending, select the users and click Send reminder. If someone says no e-mail arrived, check their address there.",
            ],
            "If you have questions about this change, reply to your platform contact, not to this e-mail.");
    }

    private static string Line(DigestClient client) =>
        $"- {client.ClientName}: {client.Activated} of {client.Moved} activated ({Percent(client.Activated, client.Moved)}), {client.Ready} with an authenticator set up";

    private static string Percent(int part, int whole) => whole == 0 ? "0 %" : $"{part * 100 / whole} %";
}
