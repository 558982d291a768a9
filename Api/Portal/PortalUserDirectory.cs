using Api.Infrastructure;
using Api.Sso.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Api.Portal;

/// <summary>The portal's answers to the SSO about its end users (see <see cref="IProductUserDirectory"/>).</summary>
public sealed class PortalUserDirectory(AppDbContext db) : IProductUserDirectory
{
    public Task<string?> FindUnmigratedPasswordHashAsync(string email, CancellationToken cancellationToken = default) =>
        db.EndUsers
            .Where(u => u.Email == email && !u.MigratedToSso && !u.Deleted && u.Enabled && u.LegacyPasswordHash != null)
            .Select(u => u.LegacyPasswordHash)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<ProductSignInStanding> GetSignInStandingAsync(string email, CancellationToken cancellationToken = default)
    {
        var user = await db.EndUsers.AsNoTracking()
            .Where(u => u.Email == email && !u.Deleted)
            .Select(u => new { u.MigratedToSso, u.Enabled })
            .FirstOrDefaultAsync(cancellationToken);
        return user switch
        {
            { MigratedToSso: false } => ProductSignInStanding.NotMigrated,
            { Enabled: false } => ProductSignInStanding.Disabled,
            _ => ProductSignInStanding.Allowed,
        };
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
