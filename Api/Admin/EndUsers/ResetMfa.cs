using Api.Admin.Staff;
using Api.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Api.Admin.EndUsers;

/// <summary>
/// Removes a migrated user's authenticator (a lost phone): every session ends, the next sign-in
/// enrols a new one, and the user is told by e-mail. Users not on SSO have none (409); an account
/// the partner does not manage is its owner's to reset (403).
/// </summary>
public static class ResetMfa
{
    public static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid id, StaffMember staff, [AsParameters] EndUserServices s, CancellationToken cancellationToken)
    {
        ProblemHttpResult? refusal = null;
        var found = await s.ActAsync(staff, id, async user =>
        {
            if (user is not { MigratedToSso: true, SsoAccountId: { } accountId })
            {
                refusal = EndUserProblems.NotOnSso();
                return null;
            }

            // Removing someone else's authenticator opens their account to whoever knows the password.
            if (await s.Ownership.OfAsync(staff, user, cancellationToken) != EndUserAuthority.Full)
            {
                refusal = EndUserProblems.ManagedElsewhere("reset their authenticator");
                return null;
            }

            // The notice to the user is an e-mail: its units are taken before the reset.
            if (await s.MailBudget.TryTakeAsync(user.Client!.PartnerId, user.Email) is { } tooMany)
            {
                refusal = tooMany.Problem;
                return null;
            }

            if (!await s.Accounts.ResetAuthenticatorAsync(accountId, cancellationToken))
            {
                refusal = EndUserProblems.NotFound();
                return null;
            }

            return new AuditedChange(AuditActions.MfaReset);
        }, cancellationToken);
        return !found ? EndUserProblems.NotFound() : refusal is null ? TypedResults.NoContent() : refusal;
    }
}
