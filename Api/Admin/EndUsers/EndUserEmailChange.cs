using Api.Portal;
using Api.Sso.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin.EndUsers;

/// <summary>
/// What a new e-mail typed on an end-user row means. The address is a claim, not proof
/// (docs/SECURITY.md, "Who owns an account"), so there are three cases:
/// <list type="bullet">
/// <item>the row is on an SSO account: only a partner that manages the account moves its sign-in
/// (to be activated again), because moving someone else's sign-in to another mailbox is how an
/// account is taken over;</item>
/// <item>the address is someone else's SSO account: the row waits for its owner, who is asked
/// (<see cref="Portal.AccessRequests.OwnerConsent"/>);</item>
/// <item>otherwise the row just takes the address, and a request waiting on the old one is withdrawn.</item>
/// </list>
/// On success the row has the new address; nothing is saved here (the caller's transaction is).
/// </summary>
public static class EndUserEmailChange
{
    public static async Task<ProblemHttpResult?> ApplyAsync(
        EndUser user, string email, Client client, EndUserAuthority authority, EndUserServices s, CancellationToken cancellationToken)
    {
        if (!await s.ClaimEmailAsync(email, exceptId: user.Id, cancellationToken))
        {
            return EndUserProblems.EmailTaken();
        }

        if (user is { MigratedToSso: true, SsoAccountId: { } accountId })
        {
            if (authority != EndUserAuthority.Full)
            {
                return EndUserProblems.ManagedElsewhere("change the e-mail they sign in with");
            }

            if (await s.Accounts.ChangeEmailAsync(accountId, email, cancellationToken) == EmailChange.Taken)
            {
                return EndUserProblems.AccountEmailTaken();
            }
        }
        else if (await s.AccountOfSomeoneElseAsync(email, client.PartnerId, cancellationToken) is { } someoneElses)
        {
            // The request to the owner is an e-mail the partner makes us send: its units first.
            if (await s.MailBudget.TryTakeAsync(client.PartnerId, email) is { } tooMany)
            {
                return tooMany.Problem;
            }

            // The request names the row's new address, so the row takes it before asking.
            user.Email = email;
            await s.Consent.AskAsync(user, someoneElses, cancellationToken);
        }
        else if (user.PendingAccountId is not null)
        {
            // The new address is nobody's account (or this partner's own): the request is withdrawn.
            await s.Consent.WithdrawAsync(user, cancellationToken);
        }

        user.Email = email;
        return null;
    }
}
