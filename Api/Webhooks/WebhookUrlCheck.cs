using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Api.Webhooks;

/// <summary>
/// Checks an endpoint URL when it is registered or edited: an absolute https URL (http too when
/// loopback is allowed, Development) without credentials, whose host resolves, and only to
/// addresses a delivery may reach (<see cref="WebhookAddressRules"/>). The same rules run again at
/// every connection (<see cref="WebhookConnector"/>), because DNS may answer differently later.
/// </summary>
public sealed class WebhookUrlCheck(IWebhookHostResolver resolver, IOptions<WebhookOptions> options)
{
    public const int MaxLength = 2000;

    /// <summary>The problem with this URL as a sentence, or null when it may be registered.</summary>
    public async Task<string?> ProblemAsync(string? text, CancellationToken cancellationToken)
    {
        var allowLoopback = options.Value.AllowLoopback;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return "Enter the endpoint's full address, starting with https://.";
        }

        if (url.Scheme == Uri.UriSchemeHttp && !allowLoopback)
        {
            return "Use an https:// address: events are sent over TLS only.";
        }

        if (url.UserInfo.Length > 0 || url.Fragment.Length > 0)
        {
            return "Leave out a user name, password or #fragment: the endpoint is called with the address alone, and events are signed instead.";
        }

        System.Net.IPAddress[] addresses;
        try
        {
            addresses = await resolver.ResolveAsync(url.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            addresses = [];
        }

        if (addresses.Length == 0)
        {
            return $"We could not find the host {url.Host}. Check the address.";
        }

        return addresses.All(a => WebhookAddressRules.IsAllowed(a, allowLoopback))
            ? null
            : $"{url.Host} points to a private, local or reserved network address. Events are sent only to public internet addresses.";
    }
}
