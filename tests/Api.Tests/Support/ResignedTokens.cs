using System.Text.Json.Nodes;
using Api.Sso.Keys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Api.Tests.Support;

/// <summary>
/// A real access token (from the OIDC flow) with one thing changed — its session, its times, its
/// client — and signed again with the provider's own key. Everything else (header type, scope,
/// audience, whatever claims the provider adds later) stays as the provider wrote it, so only the
/// changed thing can be the reason the Api refuses the copy.
/// </summary>
public static class ResignedTokens
{
    public static string Copy(IServiceProvider services, string realToken, Action<Dictionary<string, object>> change)
    {
        var original = new JsonWebToken(realToken);
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(original.EncodedPayload))!.AsObject();
        var claims = payload.ToDictionary(claim => claim.Key, claim => ToObject(claim.Value));
        change(claims);
        var key = services.GetRequiredService<SigningKeyRing>().SigningKeys[0];
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            TokenType = original.Typ,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>Issued <paramref name="age"/> ago, valid for <paramref name="lifetime"/> from then.</summary>
    public static void SetTimes(Dictionary<string, object> claims, TimeSpan age, TimeSpan lifetime)
    {
        var issued = DateTimeOffset.UtcNow - age;
        claims["iat"] = issued.ToUnixTimeSeconds();
        claims["nbf"] = issued.ToUnixTimeSeconds();
        claims["exp"] = (issued + lifetime).ToUnixTimeSeconds();
    }

    private static object ToObject(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(ToObject).ToList(),
        JsonObject obj => obj.ToDictionary(p => p.Key, p => ToObject(p.Value)),
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.TryGetValue<long>(out var number) => number,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        JsonValue value when value.TryGetValue<double>(out var real) => real,
        _ => node?.ToJsonString() ?? "",
    };
}
