using System.Reflection;
using Api.Data;
using Api.Shared;
using Api.Portal.Devices;
using Api.Portal.Tickets;
using Api.Sso.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Portal;

/// <summary>
/// The signed-in end user and what they may see: the tickets they opened and the devices assigned
/// to them, or, for a <see cref="EndUserRoles.ClientManager"/>, all of their client's tickets and
/// devices. Nothing of another client, ever. Every portal query starts from these scopes, so an id
/// outside them answers exactly like one that does not exist (404).
/// </summary>
public sealed class PortalScope(EndUser user)
{
    public EndUser User { get; } = user;

    public bool IsClientManager => User.Role == EndUserRoles.ClientManager;

    public IQueryable<Ticket> Tickets(IQueryable<Ticket> tickets)
    {
        var clients = tickets.Where(t => t.ClientId == User.ClientId);
        return IsClientManager ? clients : clients.Where(t => t.OpenedById == User.Id);
    }

    /// <summary>Devices assigned to the user; a client manager also sees unassigned (shared) devices and colleagues'.</summary>
    public IQueryable<Device> Devices(IQueryable<Device> devices)
    {
        var clients = devices.Where(d => d.ClientId == User.ClientId);
        return IsClientManager ? clients : clients.Where(d => d.AssignedToId == User.Id);
    }

    /// <summary>
    /// Lets handlers take the caller as a parameter (<c>PortalScope? portal</c>): null when the
    /// token names no enabled, undeleted end user; the handler then answers <see cref="NoAccess"/>.
    /// </summary>
    public static async ValueTask<PortalScope?> BindAsync(HttpContext http, ParameterInfo parameter)
    {
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        return await FindEndUserAsync(http, db, http.RequestAborted) is { } user ? new PortalScope(user) : null;
    }

    /// <summary>The end user behind the token: by SSO account, or by id for a legacy session; with client and partner.</summary>
    public static Task<EndUser?> FindEndUserAsync(HttpContext http, AppDbContext db, CancellationToken cancellationToken)
    {
        var subject = http.User.GetUserId() ?? "";
        var users = db.EndUsers.Include(u => u.Client!).ThenInclude(c => c.Partner).Where(u => !u.Deleted && u.Enabled);
        if (LegacySubject.Parse(subject) is { } id)
        {
            return users.FirstOrDefaultAsync(u => u.Id == id && !u.MigratedToSso, cancellationToken);
        }

        return users.FirstOrDefaultAsync(u => u.SsoAccountId == subject && u.MigratedToSso, cancellationToken);
    }

    public static ProblemHttpResult NoAccess() =>
        Problems.Forbidden("no-portal-access", "No portal access", "Your account has no access to the End User Portal. Contact your IT provider.");
}
