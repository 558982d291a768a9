using System.Collections.Immutable;
using System.Text.Json;

namespace Api.Sso.MachineClients;

/// <summary>
/// The secret a rotation replaced, kept in the application's properties as OpenIddict hashed it (never
/// in clear), with the moment it stops working; so two secrets overlap while a partner redeploys.
/// </summary>
public sealed record PreviousSecret(string Hash, DateTimeOffset Until)
{
    public const string PropertyName = "previous_secret";

    public static PreviousSecret? From(ImmutableDictionary<string, JsonElement> properties) =>
        properties.TryGetValue(PropertyName, out var value) ? value.Deserialize<PreviousSecret>() : null;

    public ImmutableDictionary<string, JsonElement> WriteTo(ImmutableDictionary<string, JsonElement> properties) =>
        properties.SetItem(PropertyName, JsonSerializer.SerializeToElement(this));
}
