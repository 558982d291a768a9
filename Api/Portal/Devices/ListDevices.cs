using Api.Data;
using Api.Shared.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Portal.Devices;

/// <summary>The Devices page: one page of the devices the end user may see, by name.</summary>
public static class ListDevices
{
    public static async Task<Results<Ok<Page<DeviceSummary>>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        [AsParameters] PageRequest paging, PortalScope? portal, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (portal is null)
        {
            return PortalScope.NoAccess();
        }

        if (paging.Check(PageSizeLimits.Standard, out var page) is { } invalidPage)
        {
            return invalidPage;
        }

        var visible = portal.Devices(db.Devices.AsNoTracking());
        var total = await visible.CountAsync(cancellationToken);
        var onlineSince = DeviceOnline.Since(clock);
        var items = await visible.OrderBy(d => d.Name).ThenBy(d => d.Id)
            .Slice(page)
            .Select(d => new DeviceSummary(
                d.Id, d.Name, d.Type, d.OperatingSystem, d.LastSeenAt, d.LastSeenAt >= onlineSince, d.AssignedTo == null ? null : d.AssignedTo.DisplayName))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(page.Of(items, total));
    }
}

/// <param name="Online">Whether the device's agent checked in within the last few minutes.</param>
/// <param name="AssignedToName">Whose device it is; null for a shared device (a server).</param>
public sealed record DeviceSummary(Guid Id, string Name, string Type, string OperatingSystem, DateTime LastSeenAt, bool Online, string? AssignedToName);
