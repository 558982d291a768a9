using System.Net;
using Api.Sso.Passwords;

namespace Api.Tests.Sso;

/// <summary>New passwords are checked against a bundled list of common and breached passwords, offline.</summary>
[Collection(SsoCollection.Name)]
public sealed class CommonPasswordTests(SsoApiFactory api)
{
    private const string StrongPassword = "Quiet-harbour-lanterns-at-dawn";

    [Theory]
    [Trait("ASVS", "2.1.7")]
    [InlineData("password123456")]
    [InlineData("1qaz2wsx3edc4rfv")]
    [InlineData("Sunshine2024!!")]
    public async Task A_reset_to_a_common_password_is_refused_with_a_sentence_and_a_strong_one_is_accepted(string common)
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.ForgotPasswordAsync(user.Email);
        var token = Mailbox.TokenIn((await Mailbox.WaitForAsync(api.Services, user.Email, "password-reset"))[0], "reset-password");

        var refused = await browser.ResetPasswordAsync(token, common);
        var accepted = await browser.ResetPasswordAsync(token, StrongPassword);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(CommonPasswords.Refusal, refused.Detail);
        Assert.Equal(CommonPasswords.Refusal, refused.Errors?["newPassword"]?[0]?.GetValue<string>());
        // The refusal did not use up the link; the strong password is set with it.
        Assert.Equal(HttpStatusCode.NoContent, accepted.Status);
        using var login = new SsoDriver(api);
        await login.LoginToMfaAsync(user, StrongPassword);
    }

    [Fact]
    [Trait("ASVS", "2.1.7")]
    public async Task A_legacy_change_to_a_common_password_is_refused_and_a_strong_one_is_accepted()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Legacy);
        using var browser = new SsoDriver(api);
        var token = await LegacySignInAsync(browser, user);

        var refused = await browser.ChangePasswordAsync(token, user.Password, "password123456");
        var accepted = await browser.ChangePasswordAsync(token, user.Password, StrongPassword);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(CommonPasswords.Refusal, refused.Detail);
        Assert.Equal(HttpStatusCode.NoContent, accepted.Status);
        using var again = new SsoDriver(api);
        Assert.Equal(HttpStatusCode.OK, (await again.LegacyLoginAsync(user.Email, StrongPassword)).Status);
    }

    [Fact]
    [Trait("ASVS", "2.1.7")]
    public void The_bundled_list_is_loaded_and_passes_uncommon_passwords()
    {
        var list = CommonPasswords.Shared;

        Assert.True(list.Count > 10_000, $"only {list.Count} passwords in the bundled list");
        Assert.True(list.IsCommon("PASSWORD123456"));
        Assert.False(list.IsCommon(StrongPassword));
        Assert.False(list.IsCommon(SsoUsers.DefaultPassword));
    }

    private static async Task<string> LegacySignInAsync(SsoDriver browser, TestUser user)
    {
        await browser.BeginSignInAsync();
        Assert.Equal(HttpStatusCode.OK, (await browser.LegacyLoginAsync(user.Email, user.Password)).Status);
        var callback = await browser.AuthorizeAsync(browser.AuthorizeState!.StartUrl);
        return (await browser.RedeemAsync(callback)).AccessToken;
    }
}
