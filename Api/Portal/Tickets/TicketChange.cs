using Api.Data;
using Api.Shared.Transactions;
using Microsoft.EntityFrameworkCore;

namespace Api.Portal.Tickets;

/// <summary>
/// One change to a ticket as a whole (the ticket, its new comment, the audit entry, the e-mail),
/// without lost updates: every change bumps <see cref="Ticket.Version"/>, a concurrency token, so
/// a writer that read an older version fails instead of overwriting. It is then run again on the
/// fresh ticket (SQLite's writers queue and never get here; SQL Server's may), and answers 409
/// only if the ticket keeps changing under it.
/// </summary>
public static class TicketChange
{
    private const int Attempts = 3;

    /// <param name="change">Reads the ticket, changes it, and saves; it returns its answer. Runs inside the transaction.</param>
    public static async Task<TResult> RunAsync<TResult>(AppDbContext db, Func<Task<TResult>> change, Func<TResult> conflict, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
                var result = await change();
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                if (attempt == Attempts)
                {
                    return conflict();
                }
            }
        }
    }

    /// <summary>Marks the ticket changed now: its version moves on and lists sort it first.</summary>
    public static void Touch(Ticket ticket, DateTime now)
    {
        ticket.UpdatedAt = now;
        ticket.Version++;
    }
}
