using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Api.Webhooks;

/// <summary>
/// Opens every delivery's connection: resolves the host itself and connects only to an address
/// <see cref="WebhookAddressRules"/> allows, so a name that resolved to a public address at
/// registration and to 169.254.169.254 now (DNS rebinding) is refused before any packet is sent.
/// </summary>
public sealed class WebhookConnector(IWebhookHostResolver resolver, IOptions<WebhookOptions> options)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await resolver.ResolveAsync(host, cancellationToken);
        var allowed = addresses.Where(a => WebhookAddressRules.IsAllowed(a, options.Value.AllowLoopback)).ToList();
        if (allowed.Count == 0)
        {
            throw new WebhookAddressRefusedException(host);
        }

        Exception? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException exception)
            {
                socket.Dispose();
                last = exception;
            }
        }

        throw last!;
    }
}

/// <summary>The receiver's host resolved only to addresses deliveries may not reach; no connection was made.</summary>
public sealed class WebhookAddressRefusedException(string host)
    : Exception($"{host} points to a private, local or reserved network address, so no connection was made.");
