using System.Collections.Immutable;
using System.Security.Claims;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Api.Sso.Oidc;

/// <summary>
/// One permanent OpenIddict authorization per subject, client and scope set, reused by every code
/// it issues. Without one, OpenIddict inserts an ad-hoc authorization row for each code: a write
/// per sign-in and per silent renewal that nothing ever reads again. Codes stay single-use (each
/// is its own token row, redeemed once), and a replayed code still revokes its authorization,
/// now with every other code of that subject and client; the next authorize then starts a new one.
/// </summary>
public sealed class StandingAuthorizations(
    IOpenIddictApplicationManager applications,
    IOpenIddictAuthorizationManager authorizations,
    ApplicationIds applicationIds)
{
    /// <summary>The id of the subject's valid permanent authorization for this client and scopes, made if missing.</summary>
    public async Task<string> IdForAsync(ClaimsIdentity identity, string subject, string clientId, ImmutableArray<string> scopes)
    {
        var applicationId = await applicationIds.OfAsync(applications, clientId);
        await foreach (var existing in authorizations.FindAsync(subject, applicationId, Statuses.Valid, AuthorizationTypes.Permanent, scopes))
        {
            return (await authorizations.GetIdAsync(existing))!;
        }

        // Two first renewals at once may both make one; the later finds use either, both are valid.
        var created = await authorizations.CreateAsync(identity, subject, applicationId, AuthorizationTypes.Permanent, scopes);
        return (await authorizations.GetIdAsync(created))!;
    }
}
