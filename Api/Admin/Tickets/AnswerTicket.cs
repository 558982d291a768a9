using Api.Admin.Staff;
using Api.Audit;
using Api.Portal.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Tickets;

/// <summary>
/// A staff member answers a ticket, optionally setting its status (an Open ticket becomes
/// "Waiting for you"). The answer, the status, the audit entry and the end user's e-mail commit
/// together; the e-mail names the ticket and links to it but never carries its text.
/// </summary>
public static class AnswerTicket
{
    public static async Task<Results<Created<TicketCommentView>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid ticketId, AnswerTicketRequest body, StaffMember staff, [AsParameters] StaffTicketServices s, CancellationToken cancellationToken)
    {
        if (CommentText.Check(body.Body) is not { } text)
        {
            return CommentText.Invalid();
        }

        if (body.Status is { } wanted && !TicketStatuses.All.Contains(wanted))
        {
            return StatusChoice.Invalid();
        }

        return await TicketChange.RunAsync<Results<Created<TicketCommentView>, ValidationProblem, ProblemHttpResult>>(s.Db, async () =>
        {
            var ticket = await staff.Scope(s.Db.Tickets).Include(t => t.Client).Include(t => t.OpenedBy)
                .FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
            if (ticket is null)
            {
                return TicketProblems.NotFound();
            }

            var status = body.Status ?? (ticket.Status == TicketStatuses.Open ? TicketStatuses.WaitingForYou : ticket.Status);
            if (status == TicketStatuses.Closed && ticket.Status == TicketStatuses.Closed && body.Status is null)
            {
                return TicketProblems.ClosedForStaff();
            }

            var now = s.Clock.GetUtcNow().UtcDateTime;
            var comment = new TicketComment
            {
                TicketId = ticket.Id,
                AuthorStaffAccountId = staff.AccountId,
                AuthorName = staff.Name,
                FromStaff = true,
                Body = text,
                CreatedAt = now,
            };
            s.Db.TicketComments.Add(comment);
            var before = ticket.Status;
            ticket.Status = status;
            ticket.AwaitingEndUser = true;
            TicketChange.Touch(ticket, now);
            s.Record(
                staff,
                AuditActions.TicketAnswered,
                ticket,
                before == status ? null : new { status = before },
                before == status ? null : new { status });
            s.Emails.QueueAnswered(ticket, ticket.OpenedBy!);
            await s.Db.SaveChangesAsync(cancellationToken);
            return TypedResults.Created(
                $"/api/admin/tickets/{ticket.Id}",
                new TicketCommentView(comment.Id, comment.AuthorName, FromStaff: true, comment.Body, now));
        }, () => TicketProblems.ChangedMeanwhile(), cancellationToken);
    }
}
