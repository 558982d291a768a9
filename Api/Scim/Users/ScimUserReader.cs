using Api.Admin.Staff;
using Api.Data;
using Api.Portal;
using Microsoft.EntityFrameworkCore;

namespace Api.Scim.Users;

/// <summary>
/// Reads end users for SCIM, in the caller's scope (their partner; one client when the path names
/// it), with what their representation needs: the client's name, and when they last changed (the
/// newest audit entry about them: every change is audited in the change's own transaction).
/// </summary>
public static class ScimUserReader
{
    /// <summary>The caller's end users, or one of their clients' (<paramref name="clientId"/>).</summary>
    public static IQueryable<EndUser> Scope(StaffMember caller, AppDbContext db, Guid? clientId)
    {
        var users = caller.Scope(db.EndUsers);
        return clientId is { } id ? users.Where(u => u.ClientId == id) : users;
    }

    public static async Task<ScimUserResource.Facts?> FindAsync(StaffMember caller, AppDbContext db, Guid? clientId, Guid id, CancellationToken cancellationToken) =>
        (await FactsAsync(db, Scope(caller, db, clientId).Where(u => u.Id == id), cancellationToken)).FirstOrDefault();

    /// <summary>The facts of these users (already filtered, ordered and paged), in their order.</summary>
    public static async Task<List<ScimUserResource.Facts>> FactsAsync(AppDbContext db, IQueryable<EndUser> users, CancellationToken cancellationToken)
    {
        var rows = await users.AsNoTracking()
            .Select(u => new { User = u, ClientName = u.Client!.Name })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.User.Id.ToString()).ToList();
        var changed = await db.AuditEvents.AsNoTracking()
            .Where(a => a.TargetId != null && ids.Contains(a.TargetId) && a.TargetType == "end-user")
            .GroupBy(a => a.TargetId!)
            .Select(g => new { Id = g.Key, At = g.Max(a => a.At) })
            .ToDictionaryAsync(g => g.Id, g => g.At, cancellationToken);
        return [.. rows.Select(r => new ScimUserResource.Facts(
            r.User,
            r.ClientName,
            changed.TryGetValue(r.User.Id.ToString(), out var at) ? at : r.User.CreatedAt))];
    }
}
