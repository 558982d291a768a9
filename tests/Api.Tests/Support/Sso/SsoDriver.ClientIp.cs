namespace Api.Tests.Support;

// The client address each browser claims: the test server has no TCP peer, so a header stands in
// for it, and every driver gets a network of its own so one test's throttling never blocks another.
public sealed partial class SsoDriver
{
    /// <summary>Read by the test server's client-IP filter; stands in for the TCP peer address.</summary>
    public const string ClientIpHeader = "X-Test-Client-IP";

    private static int ipCounter;

    /// <summary>
    /// A documentation-range IPv6 address (RFC 3849) in a /64 of its own per driver (per-IP limits
    /// count IPv6 clients per /64); never contacted.
    /// </summary>
    public static string NewClientIp() => $"2001:db8:{Interlocked.Increment(ref ipCounter) & 0xFFFF:x}:{Random.Shared.Next(0x10000):x}::1";

    private sealed class ClientIpHandler(string ip) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation(ClientIpHeader, ip);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
