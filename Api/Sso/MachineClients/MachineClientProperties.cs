using System.Collections.Immutable;
using System.Text.Json;

namespace Api.Sso.MachineClients;

/// <summary>
/// What marks an OpenIddict application as a machine client (so product registration leaves it
/// alone) and the claims its caller module asked to stamp into each of its tokens.
/// </summary>
public static class MachineClientProperties
{
    public const string Marker = "machine_client";
    public const string TokenClaims = "token_claims";

    public static bool IsMachineClient(ImmutableDictionary<string, JsonElement> properties) => properties.ContainsKey(Marker);

    public static IReadOnlyDictionary<string, string> TokenClaimsOf(ImmutableDictionary<string, JsonElement> properties) =>
        properties.TryGetValue(TokenClaims, out var value)
            ? value.Deserialize<Dictionary<string, string>>() ?? []
            : new Dictionary<string, string>();

    public static Dictionary<string, JsonElement> For(IReadOnlyDictionary<string, string> tokenClaims) => new()
    {
        [Marker] = JsonSerializer.SerializeToElement(true),
        [TokenClaims] = JsonSerializer.SerializeToElement(tokenClaims),
    };
}
