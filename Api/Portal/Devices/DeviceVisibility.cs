namespace Api.Portal.Devices;

/// <summary>Which devices an end user sees: those assigned to them; a client manager, every device of their client (shared ones too).</summary>
public static class DeviceVisibility
{
    public static IQueryable<Device> VisibleTo(this IQueryable<Device> devices, EndUser user) =>
        user.Role == EndUserRoles.ClientManager
            ? devices.Where(d => d.ClientId == user.ClientId)
            : devices.Where(d => d.ClientId == user.ClientId && d.AssignedToId == user.Id);

    /// <summary>Devices that checked in since this moment are online (see <see cref="DeviceTypes.OnlineWindow"/>).</summary>
    public static DateTime OnlineSince(TimeProvider clock) => clock.GetUtcNow().UtcDateTime - DeviceTypes.OnlineWindow;
}
