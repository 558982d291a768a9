using System.Net;

namespace Api.Tests.Sso;

/// <summary>During the migration users sign in on one form each: not yet migrated on the portal's own, migrated on SSO.</summary>
[Collection(SsoCollection.Name)]
public sealed class LegacyFormTests(SsoApiFactory api)
{
    [Fact]
    public async Task A_user_not_yet_migrated_is_told_to_use_the_portal_form_only_with_the_right_password()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Legacy);
        using var right = new SsoDriver(api);
        using var wrong = new SsoDriver(api);
        using var nobody = new SsoDriver(api);
        await right.StartAsync(user.Email);
        await wrong.StartAsync(user.Email);
        await nobody.StartAsync(SsoUsers.UnknownEmail());

        var refused = await right.PasswordAsync(user.Password);
        var wrongPassword = await wrong.PasswordAsync("not-the-password");
        var unknown = await nobody.PasswordAsync("not-the-password");

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.True(refused.IsProblem, refused.ToString());
        Assert.EndsWith("not-migrated", refused.Type);
        Assert.Contains("login page", refused.Detail);
        Assert.Contains("Email and Password form", refused.Detail);
        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.Status);
        Assert.Equal(unknown.BodyWithout("traceId"), wrongPassword.BodyWithout("traceId"));
    }

    [Fact]
    public async Task A_migrated_user_on_the_legacy_form_is_told_to_use_sso_only_with_the_right_password()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);

        var refused = await browser.LegacyLoginAsync(user.Email, user.Password);
        var wrongPassword = await browser.LegacyLoginAsync(user.Email, "not-the-password");
        var unknown = await browser.LegacyLoginAsync(SsoUsers.UnknownEmail(), "not-the-password");

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.True(refused.IsProblem, refused.ToString());
        Assert.Contains("Single Sign-On", refused.Detail);
        Assert.DoesNotContain(refused.SetCookies, c => c.StartsWith("__Host-sso=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.Status);
        Assert.Equal(Journeys.WrongCredentials, wrongPassword.Detail);
        Assert.Equal(unknown.BodyWithout("traceId"), wrongPassword.BodyWithout("traceId"));
    }

    [Fact]
    public async Task A_legacy_user_logs_in_on_the_portal_form_and_the_oidc_sign_in_completes_without_a_prompt()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Legacy);
        using var browser = new SsoDriver(api);

        var login = await browser.LegacyLoginAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, login.Status);
        Assert.Equal("/portal", login.RedirectUrl);
        Assert.Contains(login.SetCookies, c => c.StartsWith("__Host-sso=", StringComparison.Ordinal));

        var state = await browser.PrepareSignInAsync();
        var callback = await browser.AuthorizeAsync(state.StartUrl);
        Assert.NotNull(SsoDriver.CodeIn(callback));
        var tokens = await browser.RedeemAsync(callback);
        var me = await browser.GetMeAsync(tokens.AccessToken);

        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal(user.DisplayName, me.String("name"));
        Assert.False(me.Json!["migratedToSso"]!.GetValue<bool>());
        Assert.True(me.Json!["canChangePassword"]!.GetValue<bool>());
    }
}
