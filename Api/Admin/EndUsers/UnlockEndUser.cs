using Api.Admin.Staff;
using Api.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Api.Admin.EndUsers;

/// <summary>
/// Lifts the pause that wrong passwords or codes put on a user's sign-in (SSO and the portal's
/// form share it), e.g. after the user called. A disabled user stays disabled.
/// </summary>
public static class UnlockEndUser
{
    public static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid id, StaffMember staff, [AsParameters] EndUserServices s, CancellationToken cancellationToken)
    {
        var user = await s.FindAsync(staff, id, cancellationToken);
        if (user is null)
        {
            return EndUserProblems.NotFound();
        }

        // The pause is kept per address: lifting it for someone else's account helps whoever guesses its password.
        if (await s.Ownership.OfAsync(staff, user, cancellationToken) != EndUserAuthority.Full)
        {
            return EndUserProblems.ManagedElsewhere("lift the pause on their sign-in (it ends by itself after a few minutes)");
        }

        // The audit entry is written first: an unlock that was recorded but failed in Redis is
        // retried by the admin; one that happened unrecorded would be a gap in the log.
        s.Record(staff, AuditActions.EndUserUnlocked, user);
        await s.Db.SaveChangesAsync(cancellationToken);
        await s.Accounts.UnlockAsync(user.Email);
        return TypedResults.NoContent();
    }
}
