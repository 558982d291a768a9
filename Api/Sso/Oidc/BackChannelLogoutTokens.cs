using Api.Shared;
using System.Security.Cryptography;
using Api.Sso.Keys;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Api.Sso.Oidc;

/// <summary>
/// The <c>logout_token</c> of OpenID Connect Back-Channel Logout 1.0 (section 2.4): a JWT of type
/// <c>logout+jwt</c> signed like our ID tokens (the ring's current key, RS256 or ES256), for one product,
/// naming the session (<c>sid</c>) and its subject, with the logout event and never a nonce
/// (so it cannot be replayed as an ID token).
/// </summary>
public sealed class BackChannelLogoutTokens(SigningKeyRing ring, IConfiguration configuration, TimeProvider clock)
{
    public const string TokenType = "logout+jwt";
    public const string LogoutEvent = "http://schemas.openid.net/event/backchannel-logout";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private static readonly JsonWebTokenHandler Handler = new();

    public string Create(string clientId, string sid, string subject)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            TokenType = TokenType,
            Issuer = PublicOrigin.Of(configuration),
            Audience = clientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = ring.SigningCredentials,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = subject,
                ["sid"] = sid,
                [JwtRegisteredClaimNames.Jti] = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16)),
                ["events"] = new Dictionary<string, object> { [LogoutEvent] = new Dictionary<string, object>() },
            },
        });
    }
}
