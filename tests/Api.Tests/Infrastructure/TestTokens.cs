using System.Security.Claims;
using Api.Sso.Keys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Api.Tests.Infrastructure;

/// <summary>Mints access tokens the way the identity provider does, or deliberately wrong ones.</summary>
public static class TestTokens
{
    public static string Create(
        IServiceProvider services,
        IEnumerable<Claim> claims,
        string issuer = ApiFactory.Issuer,
        string audience = TokenValidationExtensions.ApiAudience,
        TimeSpan? lifetime = null,
        SigningCredentials? credentials = null,
        DateTime? notBefore = null)
    {
        var ring = services.GetRequiredService<SigningKeyRing>();
        var start = notBefore ?? DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = start,
            IssuedAt = start,
            Expires = start + (lifetime ?? TimeSpan.FromMinutes(5)),
            SigningCredentials = credentials ?? new SigningCredentials(ring.SigningKeys[0], SecurityAlgorithms.RsaSha256),
        });
    }
}
