using Api.Data;
using Api.Portal.Branding;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Portal;

/// <summary>The signed-in end user's profile and role, their partner's branding and whom to contact for help (read by <see cref="PortalMe"/>).</summary>
public static class GetMe
{
    public static async Task<Results<Ok<Me>, ProblemHttpResult>> HandleAsync(HttpContext http, AppDbContext db, CancellationToken cancellationToken) =>
        await PortalMe.FindAsync(db, http.User.GetUserId(), cancellationToken) is { } me ? TypedResults.Ok(me) : PortalScope.NoAccess();
}

/// <param name="Role">The end user's role in their client's portal (see <see cref="EndUserRoles"/>): a client manager sees the whole client's tickets and devices.</param>
/// <param name="Branding">How the portal looks for this user: their partner's name, colour and logo.</param>
/// <param name="Support">Whom the user contacts for help: their partner.</param>
public sealed record Me(
    Guid Id,
    string Name,
    string Email,
    string ClientName,
    string PartnerName,
    bool MigratedToSso,
    bool CanChangePassword,
    string Role,
    PortalBranding Branding,
    SupportContact Support);
