using Api.Data;
using Api.Shared;
using Api.Mail;
using Microsoft.EntityFrameworkCore;

namespace Api.Portal.Tickets;

/// <summary>
/// The ticket e-mails, queued in the outbox inside the ticket's own transaction: the partner's
/// support mailbox hears of a new ticket, the end user hears that staff answered. Neither carries
/// the ticket's text (e-mail travels and is forwarded in the clear): only its reference and a link.
/// </summary>
public sealed class TicketEmails(Outbox outbox, AppDbContext db, IConfiguration configuration)
{
    public const string OpenedKind = "ticket-opened";
    public const string AnsweredKind = "ticket-answered";

    private string Origin => PublicOrigin.Of(configuration);

    /// <summary>
    /// To the partner's support e-mail (set in Settings &gt; Branding), if there is one and it was
    /// confirmed: an address nobody proved to read never gets our mail.
    /// </summary>
    public async Task QueueOpenedAsync(Ticket ticket, EndUser openedBy, Client client, CancellationToken cancellationToken)
    {
        var support = await db.PartnerBrandings
            .Where(b => b.PartnerId == client.PartnerId && b.SupportEmailConfirmedAt != null)
            .Select(b => b.SupportEmail)
            .FirstOrDefaultAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(support))
        {
            return;
        }

        var reference = TicketReference.Of(ticket.Id);
        outbox.Enqueue(OpenedKind, support, MailTemplate.Compose(
            $"New ticket {reference} from {client.Name} ({ticket.Priority})",
            "support team",
            $"{openedBy.DisplayName} of {client.Name} opened ticket {reference} with priority {ticket.Priority} on the End User Portal. Read and answer it in the admin area:",
            $"{Origin}admin/tickets/{ticket.Id}",
            "Open the ticket",
            "You receive this because this address is your End User Portal's support contact (Settings > Branding)."),
            new MailAbout(PartnerId: client.PartnerId));
    }

    /// <summary>To the end user who opened the ticket, unless they have left (deleted or disabled).</summary>
    public void QueueAnswered(Ticket ticket, EndUser openedBy)
    {
        if (openedBy.Deleted || !openedBy.Enabled)
        {
            return;
        }

        var reference = TicketReference.Of(ticket.Id);
        outbox.Enqueue(AnsweredKind, openedBy.Email, MailTemplate.Compose(
            $"Your ticket {reference} has an answer",
            openedBy.DisplayName,
            $"Your IT provider answered your ticket {reference}. Log in to the End User Portal to read the answer:",
            $"{Origin}portal/tickets/{ticket.Id}",
            "Read the answer",
            "You receive this because you opened this ticket on the End User Portal."),
            new MailAbout(EndUserId: openedBy.Id, PartnerId: openedBy.PartnerId));
    }
}
