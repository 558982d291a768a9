namespace Api.Portal.Devices;

/// <summary>Whether a device is online: its agent checked in within <see cref="DeviceTypes.OnlineWindow"/> of the Api's clock.</summary>
public static class DeviceOnline
{
    /// <summary>Devices that checked in since this moment are online.</summary>
    public static DateTime Since(TimeProvider clock) => clock.GetUtcNow().UtcDateTime - DeviceTypes.OnlineWindow;
}
