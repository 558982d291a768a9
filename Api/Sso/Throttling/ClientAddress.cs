using System.Net;
using System.Net.Sockets;

namespace Api.Sso.Throttling;

/// <summary>
/// The client address as limits count it: an IPv4 address as is, an IPv6 address by its /64
/// network, because one home or office line gets a whole /64 and picks new addresses at will.
/// </summary>
public static class ClientAddress
{
    public static string KeyOf(HttpContext http) => KeyOf(http.Connection.RemoteIpAddress);

    public static string KeyOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
