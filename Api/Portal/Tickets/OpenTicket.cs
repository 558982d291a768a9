using Api.Data;
using Api.Shared;
using Api.Shared.Transactions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Portal.Tickets;

/// <summary>
/// An end user opens a ticket, optionally naming one of their devices and attaching one file. The
/// ticket, the file and the support team's e-mail are written in one transaction: there is never
/// a ticket without its file, nor a file without its ticket. The limits (<see cref="TicketLimits"/>)
/// are taken before anything is written.
/// </summary>
public static class OpenTicket
{
    /// <summary>The form's text fields and multipart framing around a largest attachment.</summary>
    public const long MaxRequestBytes = TicketRules.MaxAttachmentBytes + (64 * 1024);

    public static async Task<Results<Created<TicketDetail>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        [Microsoft.AspNetCore.Mvc.FromForm] OpenTicketForm form,
        PortalScope? portal,
        AppDbContext db,
        TicketEmails emails,
        TicketLimits limits,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (portal is null)
        {
            return PortalScope.NoAccess();
        }

        var subject = form.Subject?.Trim() ?? "";
        var description = form.Description?.Trim() ?? "";
        var priority = string.IsNullOrWhiteSpace(form.Priority) ? TicketPriorities.Normal : form.Priority.Trim();
        if (subject.Length == 0 || subject.Length > TicketRules.MaxSubjectLength)
        {
            return Problems.Invalid("subject", $"Enter a subject of up to {TicketRules.MaxSubjectLength} characters.");
        }

        if (description.Length == 0 || description.Length > TicketRules.MaxTextLength)
        {
            return Problems.Invalid("description", $"Describe the problem in up to {TicketRules.MaxTextLength} characters.");
        }

        if (!TicketPriorities.All.Contains(priority))
        {
            return Problems.Invalid("priority", $"Choose a priority: {string.Join(", ", TicketPriorities.All)}.");
        }

        Guid? deviceId = null;
        if (!string.IsNullOrWhiteSpace(form.DeviceId))
        {
            // Another user's (or client's) device is refused like an unknown one.
            if (!Guid.TryParse(form.DeviceId, out var id) || !await portal.Devices(db.Devices).AnyAsync(d => d.Id == id, cancellationToken))
            {
                return Problems.Invalid("deviceId", "Choose one of your devices, or none.");
            }

            deviceId = id;
        }

        var (attachment, refused) = await ReadAttachmentAsync(form.Attachment, clock, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        // Only a ticket that would be written spends the budgets, and it spends them before it is.
        var user = portal.User;
        if (await limits.TryTakeAsync(user, attachment?.Size ?? 0) is { } tooMany)
        {
            return tooMany;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var ticket = new Ticket
        {
            ClientId = user.ClientId,
            OpenedById = user.Id,
            DeviceId = deviceId,
            Subject = subject,
            Description = description,
            Priority = priority,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (attachment is not null)
        {
            ticket.Attachments.Add(attachment);
        }

        await using (var transaction = await SharedTransaction.BeginAsync(db, cancellationToken))
        {
            db.Tickets.Add(ticket);
            await emails.QueueOpenedAsync(ticket, user, user.Client!, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var created = await TicketSnapshot.ReadAsync(portal.Tickets(db.Tickets), ticket.Id, cancellationToken);
        return TypedResults.Created($"/api/portal/tickets/{ticket.Id}", created!.ForEndUser());
    }

    /// <summary>The attached file, checked by size, then by the allow-list (name, declared type and bytes agree); none is fine.</summary>
    private static async Task<(TicketAttachment? Attachment, ProblemHttpResult? Refused)> ReadAttachmentAsync(
        IFormFile? file, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return (null, null);
        }

        if (file.Length > TicketRules.MaxAttachmentBytes)
        {
            return (null, TicketProblems.AttachmentTooLarge());
        }

        if (file.Length == 0)
        {
            return (null, Problems.BadRequest("Empty attachment", "The attached file is empty. Attach the file again, or send the ticket without it."));
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        var (kind, refusal) = AttachmentTypes.Check(AttachmentFileName.Clean(file.FileName), file.ContentType, content);
        if (kind is null)
        {
            return (null, TicketProblems.AttachmentRefused(refusal));
        }

        return (new TicketAttachment
        {
            FileName = AttachmentFileName.Stored(file.FileName, kind),
            ContentType = kind.ContentType,
            Size = content.Length,
            Content = content,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        }, null);
    }
}
