using static Api.Tests.Support.PortalApiProbe;

namespace Api.Tests.Sso;

/// <summary>
/// A correctly signed token is refused when it is for another audience, from another issuer, or
/// outside its lifetime; each next to a control token for the same session that is accepted.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class TokenClaimsTests(SsoApiFactory api)
{
    private const string Issuer = SsoApiFactory.Issuer;

    [Fact]
    [Trait("ASVS", "3.5.3")]
    public async Task A_token_for_another_audience_is_refused()
    {
        var (control, sid, sub) = await SessionAsync();
        await AssertAcceptedAsync(api, control);
        await AssertRefusedAsync(api, TestTokens.Create(api.Services, SessionClaims(sub, sid), issuer: Issuer, audience: "another-product-api"));
        await AssertRefusedAsync(api, TestTokens.Create(api.Services, SessionClaims(sub, sid), issuer: Issuer, audience: SsoDriver.ClientId));
    }

    [Fact]
    [Trait("ASVS", "3.5.3")]
    public async Task A_token_from_another_issuer_is_refused()
    {
        var (control, sid, sub) = await SessionAsync();
        await AssertAcceptedAsync(api, control);
        await AssertRefusedAsync(api, TestTokens.Create(api.Services, SessionClaims(sub, sid), issuer: "https://sso.evil.example/"));
        await AssertRefusedAsync(api, TestTokens.Create(api.Services, SessionClaims(sub, sid), issuer: "http://localhost/"));
    }

    [Fact]
    [Trait("ASVS", "3.5.3")]
    public async Task An_expired_token_is_refused()
    {
        var (control, sid, sub) = await SessionAsync();
        await AssertAcceptedAsync(api, control);
        await AssertRefusedAsync(api, TestTokens.Create(api.Services, SessionClaims(sub, sid), issuer: Issuer,
            notBefore: DateTime.UtcNow.AddMinutes(-20), lifetime: TimeSpan.FromMinutes(5)));
        // Not valid yet either.
        await AssertRefusedAsync(api, TestTokens.Create(api.Services, SessionClaims(sub, sid), issuer: Issuer,
            notBefore: DateTime.UtcNow.AddMinutes(10), lifetime: TimeSpan.FromMinutes(5)));
    }

    /// <summary>A real session of a fresh user and a correctly minted token for it (must be accepted).</summary>
    private Task<(string Token, string Sid, string Sub)> SessionAsync() => ControlTokens.SessionAsync(api);
}
