using Api.Admin.EndUsers;
using Api.Admin.Staff;
using Api.Data;
using Api.Shared;
using Api.Sso.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.ManageUsers;

/// <summary>One end user's page: their row and the last e-mails sent for them, so an admin can tell "it never arrived" from "it was sent".</summary>
public static class GetEndUser
{
    public const int RecentEmails = 20;

    public static async Task<Results<Ok<EndUserDetail>, ProblemHttpResult>> HandleAsync(
        Guid id, StaffMember staff, AppDbContext db, AccountAdministration accounts, AccountOwnership ownership, CancellationToken cancellationToken)
    {
        var listing = await EndUserListing.Query(staff, db, accounts).FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (listing is null)
        {
            return Problems.Status(StatusCodes.Status404NotFound, "End user not found", "This end user was not found. They may have been deleted.");
        }

        // The mail sent for this row, never all mail to its address (which someone may have typed):
        // plus the SSO account's own mail when the caller manages that account.
        var user = await db.EndUsers.AsNoTracking().FirstAsync(u => u.Id == id, cancellationToken);
        var account = user is { MigratedToSso: true, SsoAccountId: { } accountId }
                      && await ownership.OfAsync(staff, user, cancellationToken) == EndUserAuthority.Full
            ? accountId
            : null;
        var emails = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.EndUserId == id || (account != null && m.AccountId == account))
            .OrderByDescending(m => m.CreatedAt)
            .ThenByDescending(m => m.Id)
            .Take(RecentEmails)
            .Select(m => new { m.Id, m.Kind, m.Subject, m.CreatedAt, m.SentAt, m.LastError, m.Attempts })
            .ToListAsync(cancellationToken);
        var row = (await EndUserRow.FromAsync([listing], db, accounts, cancellationToken))[0];
        return TypedResults.Ok(new EndUserDetail(row, [.. emails.Select(m => new EmailDelivery(
            m.Id,
            m.Kind,
            m.Subject,
            m.CreatedAt,
            DeliveryState(m.SentAt, m.LastError),
            m.SentAt,
            m.LastError,
            m.Attempts))]));
    }

    private static string DeliveryState(DateTime? sentAt, string? lastError) =>
        sentAt is not null ? "sent" : lastError is not null ? "failed" : "queued";
}

public sealed record EndUserDetail(EndUserRow User, IReadOnlyList<EmailDelivery> Emails);

/// <param name="State">"queued" (not sent yet), "sent", or "failed" (the last attempt failed; it may be retried).</param>
/// <param name="Error">Why the last attempt failed, as the mail server said.</param>
public sealed record EmailDelivery(Guid Id, string Kind, string Subject, DateTime CreatedAt, string State, DateTime? SentAt, string? Error, int Attempts);
