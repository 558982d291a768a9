using System.Security.Claims;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What an API asks of a token beyond signature, issuer, audience and lifetime: it is an access
/// token (JOSE <c>typ</c> <c>at+jwt</c>, RFC 9068, so an ID token cannot stand in for one), it
/// carries this API's scope, and the client it was issued to (<c>client_id</c> / <c>azp</c>) may
/// call this API. Each API names its scope and clients in <c>Identity:Scope</c> and
/// <c>Identity:AllowedClients</c>.
/// </summary>
public sealed record AccessTokenRules(string Scope, IReadOnlySet<string> AllowedClients)
{
    public static readonly string[] AccessTokenTypes = ["at+jwt", "application/at+jwt"];

    /// <summary>Reads the rules; an API that names no scope or no client fails at start rather than accepting any token.</summary>
    public static AccessTokenRules From(IConfiguration identity)
    {
        var scope = identity["Scope"];
        var clients = identity.GetSection("AllowedClients").Get<string[]>()?.Where(c => !string.IsNullOrWhiteSpace(c)).ToHashSet(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(scope) || clients is not { Count: > 0 })
        {
            throw new OptionsValidationException("Identity", typeof(AccessTokenRules),
                ["Identity:Scope and Identity:AllowedClients must be set: the scope this API requires and the clients allowed to call it."]);
        }

        return new AccessTokenRules(scope, clients);
    }

    /// <summary>Why the token must be refused, or null when it may be used here.</summary>
    public string? RefusalOf(ClaimsPrincipal principal)
    {
        // Both names are checked when both are present: a token may not borrow an allowed name in one of them.
        var clients = principal.FindAll("client_id").Concat(principal.FindAll("azp")).Select(c => c.Value).ToList();
        if (clients.Count == 0 || !clients.All(AllowedClients.Contains))
        {
            return "The token was issued to a client that may not call this API.";
        }

        var scopes = principal.FindAll("scope").SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return scopes.Contains(Scope, StringComparer.Ordinal) ? null : "The token does not carry this API's scope.";
    }
}
