using Api.Data;
using Api.Sso.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Api.Portal;

/// <summary>The portal's answers to the SSO about its end users (see <see cref="IProductUserDirectory"/>).</summary>
public sealed class PortalUserDirectory(AppDbContext db, AccountAdministration accounts) : IProductUserDirectory
{
    public Task<string?> FindUnmigratedPasswordHashAsync(string email, CancellationToken cancellationToken = default) =>
        db.EndUsers
            .Where(u => u.Email == email && !u.MigratedToSso && !u.Deleted && u.Enabled && u.LegacyPasswordHash != null)
            .Select(u => u.LegacyPasswordHash)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Only end users linked to the account count: one the portal disabled refuses the sign-in only
    /// when the account is its partner's to manage (<see cref="PartnerSteward"/>); someone else's
    /// account keeps signing in to other products, and the portal refuses the disabled row itself.
    /// </summary>
    public async Task<ProductSignInStanding> GetSignInStandingAsync(string accountId, CancellationToken cancellationToken = default)
    {
        var linked = await db.EndUsers.AsNoTracking()
            .Where(u => u.SsoAccountId == accountId && u.MigratedToSso && !u.Deleted)
            .Select(u => new { u.Enabled, u.PartnerId })
            .ToListAsync(cancellationToken);
        if (linked.Count == 0 || linked.Any(u => u.Enabled))
        {
            return ProductSignInStanding.Allowed;
        }

        var managedBy = await accounts.Standings.Where(a => a.AccountId == accountId).Select(a => a.ManagedBy).FirstOrDefaultAsync(cancellationToken);
        return linked.Any(u => PartnerSteward.Of(u.PartnerId) == managedBy) ? ProductSignInStanding.Disabled : ProductSignInStanding.Allowed;
    }

    public async Task<SubjectInfo?> FindOwnSubjectAsync(string subject, CancellationToken cancellationToken = default)
    {
        if (LegacySubject.Parse(subject) is not { } endUserId)
        {
            return null;
        }

        var user = await db.EndUsers.AsNoTracking()
            .FirstOrDefaultAsync(u => u.Id == endUserId && !u.Deleted && u.Enabled && !u.MigratedToSso, cancellationToken);
        return user is null ? null : new SubjectInfo(user.DisplayName, user.Email, EmailVerified: false);
    }
}
