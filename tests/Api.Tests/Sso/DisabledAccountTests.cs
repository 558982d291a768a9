using System.Net;

namespace Api.Tests.Sso;

/// <summary>The owner of a disabled account, with the right password, is told the account is disabled.</summary>
[Collection(SsoCollection.Name)]
public sealed class DisabledAccountTests(SsoApiFactory api)
{
    [Fact]
    public async Task A_disabled_user_with_the_right_password_is_told_the_account_is_disabled()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled, enabled: false);
        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email);

        var answer = await browser.PasswordAsync(user.Password);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.EndsWith("disabled", answer.Type);
    }
}
