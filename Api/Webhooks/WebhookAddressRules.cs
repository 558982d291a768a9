using System.Net;
using System.Net.Sockets;

namespace Api.Webhooks;

/// <summary>
/// Which addresses a delivery may connect to: public unicast only. Refused: private (10/8,
/// 172.16/12, 192.168/16), loopback (unless allowed, Development), link-local (169.254/16 — the
/// cloud metadata service — and fe80::/10), unique-local fc00::/7, CGNAT 100.64/10, multicast,
/// unspecified, reserved and broadcast, and each of them written as IPv4-mapped IPv6.
/// </summary>
public static class WebhookAddressRules
{
    public static bool IsAllowed(IPAddress address, bool allowLoopback)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return allowLoopback;
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsPublicV6(address),
            _ => false,
        };
    }

    private static bool IsPublicV4(byte[] b) => !(
        b[0] == 0                                   // "this network", 0.0.0.0
        || b[0] == 10                               // private
        || b[0] == 127                              // loopback (the whole /8)
        || (b[0] == 100 && (b[1] & 0xC0) == 64)     // CGNAT 100.64/10
        || (b[0] == 169 && b[1] == 254)             // link-local, cloud metadata
        || (b[0] == 172 && (b[1] & 0xF0) == 16)     // private 172.16/12
        || (b[0] == 192 && b[1] == 168)             // private
        || (b[0] == 192 && b[1] == 0 && b[2] == 0)  // IETF protocol assignments
        || b[0] >= 224);                            // multicast 224/4, reserved 240/4, broadcast

    private static bool IsPublicV6(IPAddress address)
    {
        var b = address.GetAddressBytes();
        if (b.Take(12).All(x => x == 0))
        {
            // :: and ::1 and the deprecated IPv4-compatible ::a.b.c.d: never a public receiver.
            return false;
        }

        return !(address.IsIPv6LinkLocal
            || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast
            || (b[0] & 0xFE) == 0xFC);                 // unique-local fc00::/7
    }
}
