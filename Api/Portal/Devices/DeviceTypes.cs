namespace Api.Portal.Devices;

public static class DeviceTypes
{
    public const string Laptop = "Laptop";
    public const string Desktop = "Desktop";
    public const string Server = "Server";
    public const string Phone = "Phone";
    public const string Tablet = "Tablet";
    public const string Printer = "Printer";

    public static readonly IReadOnlyList<string> All = [Laptop, Desktop, Server, Phone, Tablet, Printer];

    /// <summary>An agent checks in every few minutes; silence longer than this means the device is offline.</summary>
    public static readonly TimeSpan OnlineWindow = TimeSpan.FromMinutes(5);
}
