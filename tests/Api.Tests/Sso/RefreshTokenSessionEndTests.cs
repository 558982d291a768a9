using System.Net;
using Api.Sso.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Sso;

/// <summary>
/// A refresh token dies with its SSO session, on every replica at once: after a logout, a disable,
/// a password reset, a Reset MFA or "sign out other sessions" through one replica, the other
/// replica refuses the refresh grant (and so does the first). Only the ended session's tokens die.
/// </summary>
public sealed class RefreshTokenSessionEndTests(TwoReplicasFixture fixture) : IClassFixture<TwoReplicasFixture>
{
    private TwoReplicas Replicas => fixture.Replicas;

    [Theory]
    [InlineData("logout")]
    [InlineData("disable")]
    [InlineData("password reset")]
    [InlineData("reset mfa")]
    [InlineData("sign out other sessions")]
    public async Task After_the_session_ends_through_one_replica_the_other_refuses_its_refresh_token(string ending)
    {
        var user = await SsoUsers.CreateAsync(Replicas.First.Services, SsoUserState.Enrolled);
        using var laptop = new SsoDriver(Replicas.First);
        using var phone = new SsoDriver(Replicas.First);
        await laptop.SignInAsync(user);
        var phoneSignIn = await phone.SignInAsync(user);
        var tokens = await laptop.OfflineSignInAsync();
        using var second = Replicas.Second.CreateDefaultClient(laptop.Origin);
        var rotated = await laptop.RefreshAsync(tokens.RefreshToken!, through: second);
        Assert.Equal(HttpStatusCode.OK, rotated.Status);

        await EndAsync(ending, user, laptop, phone, phoneSignIn.AccessToken);

        var refused = await laptop.RefreshAsync(rotated.RefreshToken!, through: second);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("invalid_grant", refused.Error);
        Assert.Equal(HttpStatusCode.BadRequest, (await laptop.RefreshAsync(rotated.RefreshToken!)).Status);
    }

    [Fact]
    public async Task Logging_out_one_browser_leaves_the_other_browsers_refresh_token_working()
    {
        var user = await SsoUsers.CreateAsync(Replicas.First.Services, SsoUserState.Enrolled);
        using var laptop = new SsoDriver(Replicas.First);
        using var phone = new SsoDriver(Replicas.First);
        await laptop.SignInAsync(user);
        await phone.SignInAsync(user);
        var phoneTokens = await phone.OfflineSignInAsync();
        using var second = Replicas.Second.CreateDefaultClient(phone.Origin);

        await laptop.LogoutAsync();

        Assert.Equal(HttpStatusCode.OK, (await phone.RefreshAsync(phoneTokens.RefreshToken!, through: second)).Status);
    }

    private async Task EndAsync(string ending, TestUser user, SsoDriver laptop, SsoDriver phone, string phoneAccessToken)
    {
        await using var scope = Replicas.First.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        switch (ending)
        {
            case "logout":
                await laptop.LogoutAsync();
                break;
            case "disable":
                Assert.True(await accounts.DisableAsync(user.AccountId!));
                break;
            case "reset mfa":
                Assert.True(await accounts.ResetAuthenticatorAsync(user.AccountId!));
                break;
            case "password reset":
                Assert.Equal(HttpStatusCode.Accepted, (await phone.ForgotPasswordAsync(user.Email)).Status);
                var mail = (await Mailbox.WaitForAsync(Replicas.First.Services, user.Email, "password-reset"))[^1];
                var reset = await phone.ResetPasswordAsync(Mailbox.TokenIn(mail, "reset-password"), "a-new-Password-for-refresh-42");
                Assert.Equal(HttpStatusCode.NoContent, reset.Status);
                break;
            case "sign out other sessions":
                Assert.Equal(HttpStatusCode.OK, (await phone.SendAsync(HttpMethod.Post, "/api/sso/sessions/end-others", phoneAccessToken)).Status);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(ending), ending, null);
        }
    }
}
