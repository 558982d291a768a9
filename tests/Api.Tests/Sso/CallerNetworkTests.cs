using System.Net;
using Api.Sso.Sessions;
using Api.Sso.Throttling;

namespace Api.Tests.Sso;

/// <summary>What per-IP limits count (an IPv6 /64) and what a session list may show (a /24 or /48, never the host).</summary>
public sealed class CallerNetworkTests
{
    [Theory]
    [Trait("ASVS", "2.2.1")]
    [InlineData("2001:db8:aa:bb:1:2:3:4", "2001:db8:aa:bb::/64")]
    [InlineData("2001:db8:aa:bb:ffff:ffff:ffff:ffff", "2001:db8:aa:bb::/64")]
    [InlineData("198.51.100.7", "198.51.100.7")]
    [InlineData("::ffff:198.51.100.7", "198.51.100.7")]
    public void A_limit_counts_an_ipv6_client_by_its_64_and_an_ipv4_client_by_its_address(string address, string key)
    {
        Assert.Equal(key, CallerNetwork.LimitKeyOf(IPAddress.Parse(address)));
    }

    [Theory]
    [Trait("ASVS", "3.3.4")]
    [InlineData("2001:db8:aa:bb:1:2:3:4", "2001:db8:aa::/48")]
    [InlineData("198.51.100.7", "198.51.100.0/24")]
    [InlineData("::ffff:198.51.100.7", "198.51.100.0/24")]
    public void A_session_shows_only_the_network_it_came_from(string address, string shown)
    {
        Assert.Equal(shown, CallerNetwork.MaskedOf(IPAddress.Parse(address)));
    }

    [Theory]
    [Trait("ASVS", "3.3.4")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0", "Edge on Windows")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15", "Safari on macOS")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36", "Chrome on Android")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1", "Safari on iOS")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0", "Firefox on Linux")]
    [InlineData("", "Unknown device")]
    public void A_session_names_the_browser_and_system_it_was_opened_in(string userAgent, string device)
    {
        Assert.Equal(device, DeviceDescription.Of(userAgent));
    }
}
