using Api.Admin.ManageUsers;
using Api.Infrastructure;
using Api.Portal.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Portal.Devices;

/// <summary>One device's page: what the agent reports, and the tickets about it the end user may see.</summary>
public static class DeviceDetails
{
    public static async Task<Results<Ok<DeviceDetail>, ProblemHttpResult>> GetDevice(
        Guid deviceId, HttpContext http, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var user = await PortalApi.FindEndUserAsync(http, db, cancellationToken);
        if (user is null)
        {
            return PortalApi.NoPortalAccess();
        }

        var device = await db.Devices.AsNoTracking().VisibleTo(user)
            .Where(d => d.Id == deviceId)
            .Select(d => new { Device = d, AssignedToName = d.AssignedTo == null ? null : d.AssignedTo.DisplayName })
            .FirstOrDefaultAsync(cancellationToken);
        if (device is null)
        {
            return NotFound();
        }

        var d = device.Device;
        // The ticket rule: a client manager sees the client's tickets, anyone else the ones they opened.
        var manager = user.Role == EndUserRoles.ClientManager;
        var tickets = await db.Tickets.AsNoTracking()
            .Where(t => t.DeviceId == d.Id && t.ClientId == user.ClientId && (manager || t.OpenedById == user.Id))
            .OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id)
            .Select(t => new
            {
                t.Id,
                t.Subject,
                t.Status,
                t.Priority,
                OpenedByName = t.OpenedBy!.DisplayName,
                t.CreatedAt,
                t.UpdatedAt,
                t.AwaitingEndUser,
            })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new DeviceDetail(
            d.Id,
            d.Name,
            d.Type,
            d.OperatingSystem,
            WireTime.Utc(d.LastSeenAt)!.Value,
            d.LastSeenAt >= DeviceVisibility.OnlineSince(clock),
            device.AssignedToName,
            d.Manufacturer,
            d.Model,
            d.SerialNumber,
            d.IpAddress,
            [.. tickets.Select(t => new TicketSummary(
                t.Id,
                "T-" + t.Id.ToString("N")[^8..].ToUpperInvariant(),
                t.Subject,
                t.Status,
                t.Priority,
                t.OpenedByName,
                d.Name,
                WireTime.Utc(t.CreatedAt)!.Value,
                WireTime.Utc(t.UpdatedAt)!.Value,
                t.AwaitingEndUser && t.Status != TicketStatuses.Closed))]));
    }

    public static ProblemHttpResult NotFound() =>
        Problems.Status(StatusCodes.Status404NotFound, "Device not found", "We could not find that device.");
}

/// <param name="Tickets">The tickets naming this device that the end user may see, most recently updated first.</param>
public sealed record DeviceDetail(
    Guid Id,
    string Name,
    string Type,
    string OperatingSystem,
    DateTime LastSeenAt,
    bool Online,
    string? AssignedToName,
    string? Manufacturer,
    string? Model,
    string? SerialNumber,
    string? IpAddress,
    IReadOnlyList<TicketSummary> Tickets);
