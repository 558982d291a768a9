using System.Net;
using System.Net.Sockets;

namespace Api.Sso.Throttling;

/// <summary>
/// A client address reduced to what is meaningful about it. An IPv6 user is handed a whole /64
/// (often more) and can change address within it at will, so limits count the /64; an IPv4
/// address is one client (or one office behind NAT, hence generous limits).
/// </summary>
public static class CallerNetwork
{
    /// <summary>The key a per-IP limit counts for this request's client.</summary>
    public static string LimitKeyOf(HttpContext http) => LimitKeyOf(http.Connection.RemoteIpAddress);

    /// <summary>The key a per-IP limit counts: an IPv4 address, or an IPv6 address's /64.</summary>
    public static string LimitKeyOf(IPAddress? address) => address is null ? "unknown" : Prefix(Normalize(address), 32, 64);

    /// <summary>What may be shown to a user about where a session came from: the /24 or /48, never the host.</summary>
    public static string MaskedOf(IPAddress? address) => address is null ? "unknown" : Prefix(Normalize(address), 24, 48);

    // "::ffff:198.51.100.7" (an IPv4 client on a dual-stack socket) is the IPv4 client it names.
    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static string Prefix(IPAddress address, int ipv4Bits, int ipv6Bits)
    {
        var bits = address.AddressFamily == AddressFamily.InterNetwork ? ipv4Bits : ipv6Bits;
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(bits - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        var network = new IPAddress(bytes);
        return bits == bytes.Length * 8 ? network.ToString() : $"{network}/{bits}";
    }
}
