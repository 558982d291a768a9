using Api.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Portal.Tickets;

/// <summary>
/// The end user (or their client manager) writes on a ticket. A word after staff marked it
/// resolved, or asked something, puts it back in the staff's queue (Open); a closed ticket takes
/// no more comments.
/// </summary>
public static class AddComment
{
    public static async Task<Results<Created<TicketCommentView>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid ticketId, AddCommentRequest body, PortalScope? portal, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (portal is null)
        {
            return PortalScope.NoAccess();
        }

        if (CommentText.Check(body.Body) is not { } text)
        {
            return CommentText.Invalid();
        }

        return await TicketChange.RunAsync<Results<Created<TicketCommentView>, ValidationProblem, ProblemHttpResult>>(db, async () =>
        {
            var ticket = await portal.Tickets(db.Tickets).FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
            if (ticket is null)
            {
                return TicketProblems.NotFound();
            }

            if (ticket.Status == TicketStatuses.Closed)
            {
                return TicketProblems.Closed();
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var comment = new TicketComment
            {
                TicketId = ticket.Id,
                AuthorEndUserId = portal.User.Id,
                AuthorName = portal.User.DisplayName,
                Body = text,
                CreatedAt = now,
            };
            db.TicketComments.Add(comment);
            if (ticket.Status is TicketStatuses.Resolved or TicketStatuses.WaitingForYou)
            {
                ticket.Status = TicketStatuses.Open;
            }

            ticket.AwaitingEndUser = false;
            TicketChange.Touch(ticket, now);
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Created(
                $"/api/portal/tickets/{ticket.Id}",
                new TicketCommentView(comment.Id, comment.AuthorName, FromStaff: false, comment.Body, now));
        }, () => TicketProblems.ChangedMeanwhile(), cancellationToken);
    }
}
