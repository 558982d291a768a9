using System.Security.Claims;
using Api.Infrastructure;
using Api.Sso.Keys;
using Api.Sso.Oidc;
using Api.Sso.Sessions;
using Benchmarks.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Benchmarks.Load;

/// <summary>
/// Access tokens for the bench's accounts. Interim: a real SSO session in Garnet and a token signed
/// with the Api's own key ring (read from the database), as the provider would issue it; replaced
/// by a real sign-in through the SSO flow.
/// </summary>
public static class AccessTokens
{
    public static async Task<string> ForAsync(IServiceProvider services, Uri issuer, BenchAccount account, bool isOperator = false)
    {
        var ring = services.GetRequiredService<SigningKeyRing>();
        await ring.ReloadAsync();
        await using var scope = services.CreateAsyncScope();
        var (session, _) = await scope.ServiceProvider.GetRequiredService<SsoSessionStore>().CreateAsync(account.Id, ["pwd", "mfa", "otp"], legacy: false);
        var now = DateTime.UtcNow;
        List<Claim> claims =
        [
            new("sub", account.Id), new("sid", session.Id), new("amr", "pwd"), new("amr", "mfa"),
            new("client_id", OidcServerExtensions.PortalClientId), new("scope", OidcServerExtensions.ApiScope),
        ];
        if (isOperator)
        {
            claims.Add(new("role", ProductRoles.PlatformOperator));
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer.ToString(),
            Audience = TokenValidationExtensions.ApiAudience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = now,
            IssuedAt = now,
            Expires = now.AddHours(1),
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(ring.SigningKeys[0], SecurityAlgorithms.RsaSha256),
        });
    }
}
