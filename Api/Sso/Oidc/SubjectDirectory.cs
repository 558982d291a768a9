using Api.Sso.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Api.Sso.Oidc;

/// <summary>Who a session's subject is: an SSO account, or a subject a product signed in with its own form.</summary>
public sealed class SubjectDirectory(SsoDbContext db, IProductUserDirectory products)
{
    public async Task<SubjectInfo?> FindAsync(string subject)
    {
        // Every authorize and silent renewal asks: one untracked read of the four columns and the
        // role names, instead of loading the whole tracked account and then its roles.
        var account = await db.Users.AsNoTracking()
            .Where(a => a.Id == subject)
            .Select(a => new
            {
                a.DisplayName,
                a.Email,
                a.EmailConfirmed,
                Roles = db.UserRoles.Where(link => link.UserId == a.Id)
                    .Join(db.Roles, link => link.RoleId, role => role.Id, (_, role) => role.Name!)
                    .ToList(),
            })
            .FirstOrDefaultAsync();
        return account is null
            ? await products.FindOwnSubjectAsync(subject)
            : new SubjectInfo(account.DisplayName, account.Email!, account.EmailConfirmed, account.Roles);
    }
}
