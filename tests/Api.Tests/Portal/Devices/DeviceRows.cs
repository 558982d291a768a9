using Api.Data;
using Api.Portal;
using Api.Portal.Devices;
using Api.Portal.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Portal.Devices;

/// <summary>Devices as the RMM agents would report them, written straight into the database, and end users made client managers.</summary>
internal static class DeviceRows
{
    public static async Task<Device> AddAsync(IServiceProvider services, Guid clientId, Guid? assignedTo, string name, DateTime lastSeenAt, string type = DeviceTypes.Laptop)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var device = new Device
        {
            ClientId = clientId,
            AssignedToId = assignedTo,
            Name = name,
            Type = type,
            OperatingSystem = "Windows 11 Pro",
            Manufacturer = "Lenovo",
            Model = "ThinkPad T14",
            SerialNumber = "SN-" + name,
            IpAddress = "10.0.0.7",
            LastSeenAt = lastSeenAt,
        };
        db.Devices.Add(device);
        await db.SaveChangesAsync();
        return device;
    }

    /// <summary>A ticket about the device, opened by <paramref name="openedById"/> (of the device's client).</summary>
    public static async Task AddTicketAsync(IServiceProvider services, Device device, Guid openedById, string subject)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Tickets.Add(new Ticket
        {
            ClientId = device.ClientId,
            OpenedById = openedById,
            DeviceId = device.Id,
            Subject = subject,
            Description = subject,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    public static async Task MakeClientManagerAsync(IServiceProvider services, Guid endUserId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.EndUsers.Where(u => u.Id == endUserId).ExecuteUpdateAsync(set => set.SetProperty(u => u.Role, EndUserRoles.ClientManager));
    }
}
