using Api.Admin.Staff;
using Api.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.ManageUsers;

/// <summary>The clients a caller manages: the Manage Users client filter and each client's migration progress.</summary>
public static class ListClients
{
    public static async Task<Ok<ClientSummary[]>> HandleAsync(StaffMember staff, AppDbContext db, CancellationToken cancellationToken)
    {
        var clients = await staff.Scope(db.Clients.AsNoTracking())
            .OrderBy(c => c.Name)
            .ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.PartnerId,
                PartnerName = c.Partner!.Name,
                c.MigratedToSsoAt,
                c.AutomaticReminders,
                EndUsers = c.EndUsers.Count(u => !u.Deleted),
                Migrated = c.EndUsers.Count(u => !u.Deleted && u.MigratedToSso),
            })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(clients
            .Select(c => new ClientSummary(c.Id, c.Name, c.PartnerId, c.PartnerName, c.MigratedToSsoAt, c.EndUsers, c.Migrated, c.AutomaticReminders))
            .ToArray());
    }
}

/// <param name="MigratedToSsoAt">When the whole client finished moving to SSO; null while some of its users still use the portal's form.</param>
/// <param name="EndUsers">End users not deleted.</param>
/// <param name="Migrated">Of those, how many are migrated to SSO.</param>
/// <param name="AutomaticReminders">Whether its migrated users who have not activated or set up an authenticator get automatic reminders.</param>
public sealed record ClientSummary(Guid Id, string Name, Guid PartnerId, string PartnerName, DateTime? MigratedToSsoAt, int EndUsers, int Migrated, bool AutomaticReminders);
