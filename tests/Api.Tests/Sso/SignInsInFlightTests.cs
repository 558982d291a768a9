using System.Net;
using Api.Shared;
using Api.Sso.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Sso;

/// <summary>
/// A sign-in that has passed the password but not finished dies when the account changes under
/// it: password reset, authenticator enrolled or reset, account disabled. Sessions end as well.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class SignInsInFlightTests(SsoApiFactory api)
{
    [Theory]
    [Trait("ASVS", "3.3.3")]
    [InlineData(SsoUserState.Enrolled, "mfa")]
    [InlineData(SsoUserState.Activated, "enroll")]
    [InlineData(SsoUserState.MigratedPending, "activate")]
    public async Task A_password_reset_ends_a_sign_in_waiting_at_a_later_step(SsoUserState state, string step)
    {
        var user = await SsoUsers.CreateAsync(api.Services, state);
        using var waiting = new SsoDriver(api);
        await waiting.StartAsync(user.Email);
        Assert.Equal(step, (await waiting.PasswordAsync(user.Password)).Step);
        var key = step == "enroll" ? (await waiting.EnrollmentAsync()).String("manualKey")! : null;

        using var owner = new SsoDriver(api);
        var token = await Journeys.ResetTokenAsync(api, owner, user);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.ResetPasswordAsync(token, Journeys.NewPassword)).Status);

        var next = step switch
        {
            "mfa" => await waiting.MfaAsync(user.NextCode()),
            "enroll" => await waiting.ConfirmEnrollmentAsync(Totp.CodeAt(key!, DateTime.UtcNow)),
            _ => await waiting.ResendActivationAsync(),
        };
        Assert.Equal(HttpStatusCode.BadRequest, next.Status);
        Assert.Equal(Journeys.Expired, next.Detail);
        Assert.False(Journeys.SetsSessionCookie(next));
    }

    [Fact]
    [Trait("ASVS", "2.8.6")]
    public async Task Resetting_the_authenticator_ends_sessions_and_sign_ins_and_the_next_sign_in_enrols_anew()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var laptop = new SsoDriver(api);
        var tokens = await laptop.SignInAsync(user);
        using var waiting = new SsoDriver(api);
        await waiting.LoginToMfaAsync(user);

        await AdministerAsync(accounts => accounts.ResetAuthenticatorAsync(user.AccountId!));

        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetMeAsync(tokens.AccessToken)).Status);
        var code = await waiting.MfaAsync(user.NextCode());
        Assert.Equal(HttpStatusCode.BadRequest, code.Status);
        Assert.Equal(Journeys.Expired, code.Detail);
        using var next = new SsoDriver(api);
        await next.StartAsync(user.Email);
        Assert.Equal("enroll", (await next.PasswordAsync(user.Password)).Step);
    }

    [Fact]
    [Trait("ASVS", "3.3.1")]
    public async Task Disabling_the_account_ends_sessions_and_sign_ins_and_refuses_the_next_one_until_enabled()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var laptop = new SsoDriver(api);
        var tokens = await laptop.SignInAsync(user);
        using var waiting = new SsoDriver(api);
        await waiting.LoginToMfaAsync(user);

        await AdministerAsync(accounts => accounts.DisableAsync(user.AccountId!));

        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetMeAsync(tokens.AccessToken)).Status);
        var code = await waiting.MfaAsync(user.NextCode());
        Assert.Equal(HttpStatusCode.BadRequest, code.Status);
        Assert.Equal(Journeys.Expired, code.Detail);
        using var next = new SsoDriver(api);
        await next.StartAsync(user.Email);
        var refused = await next.PasswordAsync(user.Password);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("This account is disabled. Contact your IT provider to have it enabled.", refused.Detail);

        await AdministerAsync(accounts => accounts.EnableAsync(user.AccountId!));
        using var again = new SsoDriver(api);
        await again.LoginToMfaAsync(user);
        Assert.Equal("done", (await again.MfaAsync(user.NextCode())).Step);
    }

    [Fact]
    [Trait("ASVS", "3.3.1")]
    public async Task Ending_the_sessions_of_an_account_also_ends_its_sign_ins_in_flight_but_not_its_access()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var laptop = new SsoDriver(api);
        var tokens = await laptop.SignInAsync(user);
        using var waiting = new SsoDriver(api);
        await waiting.LoginToMfaAsync(user);

        await AdministerAsync(async accounts =>
        {
            await accounts.EndSessionsAsync(user.AccountId!);
            return true;
        });

        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetMeAsync(tokens.AccessToken)).Status);
        Assert.Equal(Journeys.Expired, (await waiting.MfaAsync(user.NextCode())).Detail);
        using var again = new SsoDriver(api);
        await again.LoginToMfaAsync(user);
        Assert.Equal("done", (await again.MfaAsync(user.NextCode())).Step);
    }

    [Fact]
    [Trait("ASVS", "3.3.1")]
    public async Task An_unknown_account_cannot_be_administered()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        var nobody = Guid.NewGuid().ToString();

        Assert.False(await accounts.DisableAsync(nobody));
        Assert.False(await accounts.EnableAsync(nobody));
        Assert.False(await accounts.ResetAuthenticatorAsync(nobody));
        Assert.Equal(ActivationMail.NotFound, await accounts.SendActivationAsync(nobody));
        Assert.Equal(EmailChange.NotFound, await accounts.ChangeEmailAsync(nobody, "nobody@example.test"));
        Assert.Equal(ProductAccessRemoval.NotFound, await accounts.RemoveProductAccessAsync(nobody, ProductRoles.PortalEndUser));
    }

    private async Task AdministerAsync(Func<AccountAdministration, Task<bool>> action)
    {
        await using var scope = api.Services.CreateAsyncScope();
        Assert.True(await action(scope.ServiceProvider.GetRequiredService<AccountAdministration>()));
    }
}
