using System.Security.Claims;
using Api.Sso.Keys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Api.Tests.Support;

/// <summary>
/// Mints access tokens the way the identity provider does (typ at+jwt, issued to the portal SPA,
/// with the portal-api scope), or deliberately wrong ones.
/// </summary>
public static class TestTokens
{
    public const string AccessTokenType = "at+jwt";
    public const string PortalClient = SsoDriver.ClientId;
    public const string PortalScopes = SsoDriver.Scopes;

    public static string Create(
        IServiceProvider services,
        IEnumerable<Claim> claims,
        string issuer = ApiFactory.Issuer,
        string audience = TokenValidationExtensions.ApiAudience,
        TimeSpan? lifetime = null,
        SigningCredentials? credentials = null,
        DateTime? notBefore = null,
        string? type = AccessTokenType,
        string? clientId = PortalClient,
        string? scope = PortalScopes)
    {
        var ring = services.GetRequiredService<SigningKeyRing>();
        var start = notBefore ?? DateTime.UtcNow;
        var extra = new List<Claim>();
        if (clientId is not null)
        {
            extra.Add(new Claim("client_id", clientId));
        }

        if (scope is not null)
        {
            extra.Add(new Claim("scope", scope));
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims.Concat(extra)),
            NotBefore = start,
            IssuedAt = start,
            Expires = start + (lifetime ?? TimeSpan.FromMinutes(5)),
            TokenType = type,
            SigningCredentials = credentials ?? new SigningCredentials(ring.SigningKeys[0], SecurityAlgorithms.RsaSha256),
        });
    }
}
