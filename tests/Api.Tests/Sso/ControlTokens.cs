using Api.Sso.Sessions;
using Microsoft.Extensions.DependencyInjection;
using static Api.Tests.Support.PortalApiProbe;

namespace Api.Tests.Sso;

/// <summary>The control next to which each refused token is checked: it differs only in the one property under test.</summary>
internal static class ControlTokens
{
    /// <summary>A real session of a fresh user and a correctly minted token for it (must be accepted).</summary>
    public static async Task<(string Token, string Sid, string Sub)> SessionAsync(SsoApiFactory api)
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        var (session, _) = await api.Services.GetRequiredService<SsoSessionStore>().CreateAsync(user.AccountId!, ["pwd", "mfa", "otp"], legacy: false);
        return (TestTokens.Create(api.Services, SessionClaims(user.AccountId!, session.Id), issuer: SsoApiFactory.Issuer), session.Id, user.AccountId!);
    }
}
