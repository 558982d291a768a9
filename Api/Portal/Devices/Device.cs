namespace Api.Portal.Devices;

/// <summary>
/// A computer or other device the MSP manages for a client (as the RMM agent reports it). Assigned
/// to one end user, or to nobody (a shared device: only client managers see it).
/// </summary>
public sealed class Device
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ClientId { get; set; }
    public Client? Client { get; set; }
    public Guid? AssignedToId { get; set; }
    public EndUser? AssignedTo { get; set; }
    public required string Name { get; set; }

    /// <summary>One of <see cref="DeviceTypes"/>.</summary>
    public required string Type { get; set; }
    public required string OperatingSystem { get; set; }
    public string? Manufacturer { get; set; }
    public string? Model { get; set; }
    public string? SerialNumber { get; set; }
    public string? IpAddress { get; set; }

    /// <summary>The agent's last check-in; a device is online when it checked in within <see cref="DeviceTypes.OnlineWindow"/>.</summary>
    public DateTime LastSeenAt { get; set; }
}
