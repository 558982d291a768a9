using Api.Data;
using Api.Shared;
using Api.Portal.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Portal.Devices;

/// <summary>One device's page: what the agent reports, and the tickets about it the end user may see.</summary>
public static class GetDevice
{
    public static async Task<Results<Ok<DeviceDetail>, ProblemHttpResult>> HandleAsync(
        Guid deviceId, PortalScope? portal, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (portal is null)
        {
            return PortalScope.NoAccess();
        }

        var device = await portal.Devices(db.Devices.AsNoTracking())
            .Where(d => d.Id == deviceId)
            .Select(d => new { Device = d, AssignedToName = d.AssignedTo == null ? null : d.AssignedTo.DisplayName })
            .FirstOrDefaultAsync(cancellationToken);
        if (device is null)
        {
            return NotFound();
        }

        var d = device.Device;
        var tickets = await ListTickets.NamingDeviceAsync(portal, db, d.Id, cancellationToken);
        return TypedResults.Ok(new DeviceDetail(
            d.Id,
            d.Name,
            d.Type,
            d.OperatingSystem,
            d.LastSeenAt,
            d.LastSeenAt >= DeviceOnline.Since(clock),
            device.AssignedToName,
            d.Manufacturer,
            d.Model,
            d.SerialNumber,
            d.IpAddress,
            tickets));
    }

    private static ProblemHttpResult NotFound() =>
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
