using Microsoft.EntityFrameworkCore;

namespace Api.Sso.Accounts;

public sealed partial class AccountAdministration
{
    /// <summary>
    /// The product roles of some accounts, by account id (accounts without a role are left out):
    /// what a linked account keeps, shown before a migration links it. One query for all of them.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> RolesOfAsync(
        IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken = default)
    {
        if (accountIds.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<string>>();
        }

        var rows = await (from link in db.UserRoles.AsNoTracking()
                          join role in db.Roles.AsNoTracking() on link.RoleId equals role.Id
                          where accountIds.Contains(link.UserId)
                          select new { link.UserId, role.Name })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.UserId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(r => r.Name!).Order(StringComparer.Ordinal)]);
    }
}
