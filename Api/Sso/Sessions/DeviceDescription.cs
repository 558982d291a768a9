namespace Api.Sso.Sessions;

/// <summary>
/// "Chrome on Windows" from a User-Agent header: enough for a user to recognise their own
/// browsers in a list, and no more (the full header is never stored).
/// </summary>
public static class DeviceDescription
{
    // Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari", Android says "Linux".
    private static readonly (string Token, string Name)[] Browsers =
        [("Edg", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("FxiOS", "Firefox"), ("CriOS", "Chrome"), ("Chrome/", "Chrome"), ("Safari/", "Safari")];

    private static readonly (string Token, string Name)[] Systems =
        [("Windows", "Windows"), ("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iPadOS"), ("CrOS", "ChromeOS"), ("Mac OS X", "macOS"), ("Linux", "Linux")];

    public static string Of(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Unknown device";
        }

        var header = userAgent.Length > 512 ? userAgent[..512] : userAgent;
        var browser = Browsers.FirstOrDefault(b => header.Contains(b.Token, StringComparison.Ordinal)).Name ?? "Unknown browser";
        var system = Systems.FirstOrDefault(s => header.Contains(s.Token, StringComparison.Ordinal)).Name;
        return system is null ? browser : $"{browser} on {system}";
    }
}
