using Api.Admin.ManageUsers;
using Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Portal.Devices;

/// <summary>The Devices page: one page of the devices the end user may see, by name.</summary>
public static class DeviceList
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static async Task<Results<Ok<DevicePage>, ValidationProblem, ProblemHttpResult>> GetDevices(
        string? page, string? pageSize, PortalScope? portal, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (portal is null)
        {
            return PortalScope.NoAccess();
        }

        if (!EndUserList.TryNumber(page, 1, EndUserList.MaxPage, 1, out var number))
        {
            return Problems.Invalid("page", "Choose a page number from 1.");
        }

        if (!EndUserList.TryNumber(pageSize, 1, MaxPageSize, DefaultPageSize, out var size))
        {
            return Problems.Invalid("pageSize", $"Show from 1 to {MaxPageSize} devices per page.");
        }

        var visible = portal.Devices(db.Devices.AsNoTracking());
        var total = await visible.CountAsync(cancellationToken);
        var onlineSince = DeviceOnline.Since(clock);
        var items = await visible.OrderBy(d => d.Name).ThenBy(d => d.Id)
            .Skip((number - 1) * size)
            .Take(size)
            .Select(d => new DeviceSummary(
                d.Id, d.Name, d.Type, d.OperatingSystem, d.LastSeenAt, d.LastSeenAt >= onlineSince, d.AssignedTo == null ? null : d.AssignedTo.DisplayName))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new DevicePage(items, total, number, size));
    }
}

/// <param name="Total">How many devices the end user may see, on every page together.</param>
public sealed record DevicePage(IReadOnlyList<DeviceSummary> Items, int Total, int Page, int PageSize);

/// <param name="Online">Whether the device's agent checked in within the last few minutes.</param>
/// <param name="AssignedToName">Whose device it is; null for a shared device (a server).</param>
public sealed record DeviceSummary(Guid Id, string Name, string Type, string OperatingSystem, DateTime LastSeenAt, bool Online, string? AssignedToName);
