using System.Collections.Concurrent;
using OpenIddict.Abstractions;

namespace Api.Sso.Oidc;

/// <summary>
/// The OpenIddict application id of each client, remembered for a few minutes. Every authorize
/// needs it for the standing authorization, and OpenIddict's own entity cache lives only as long
/// as a request scope, so without this each sign-in and silent renewal reads the application row
/// once more. Ids change only when a deployment removes a client and registers it again; the
/// short lifetime bounds how long a replica that did not do the registration can be behind.
/// </summary>
public sealed class ApplicationIds(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (string Id, DateTimeOffset Until)> known = new(StringComparer.Ordinal);

    public async Task<string> OfAsync(IOpenIddictApplicationManager applications, string clientId)
    {
        var now = clock.GetUtcNow();
        if (known.TryGetValue(clientId, out var entry) && entry.Until > now)
        {
            return entry.Id;
        }

        var application = await applications.FindByClientIdAsync(clientId)
            ?? throw new InvalidOperationException($"The client '{clientId}' is not registered.");
        var id = (await applications.GetIdAsync(application))!;
        known[clientId] = (id, now + Lifetime);
        return id;
    }
}
