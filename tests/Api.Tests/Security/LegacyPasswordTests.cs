using System.Net;
using Api.Data;
using Api.Sso.Accounts;
using Api.Tests.Sso;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Security;

/// <summary>The portal's own login form and Edit Profile's password change, held to the SSO's bar.</summary>
[Collection(SsoCollection.Name)]
public sealed class LegacyPasswordTests(SsoApiFactory api)
{
    private const string NewPassword = "A-fresh-portal-password-77";

    [Fact]
    [Trait("ASVS", "2.4.1")]
    public async Task A_legacy_login_upgrades_the_stored_hash_and_the_same_password_keeps_working()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Legacy);
        Assert.True(LegacyPasswordHash.IsLegacy(await StoredHashAsync(user)));

        using var browser = new SsoDriver(api);
        Assert.Equal(HttpStatusCode.OK, (await browser.LegacyLoginAsync(user.Email, user.Password)).Status);

        var upgraded = await StoredHashAsync(user);
        Assert.False(LegacyPasswordHash.IsLegacy(upgraded));
        Assert.StartsWith("AQAAAA", upgraded, StringComparison.Ordinal); // ASP.NET Core Identity v3 (PBKDF2)
        using var later = new SsoDriver(api);
        Assert.Equal(HttpStatusCode.OK, (await later.LegacyLoginAsync(user.Email, user.Password)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await later.LegacyLoginAsync(user.Email, "not-the-password-at-all")).Status);
    }

    [Fact]
    [Trait("ASVS", "3.3.3")]
    public async Task Changing_the_password_ends_the_other_sessions_keeps_this_one_and_mails_a_notice()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Legacy);
        using var laptop = new SsoDriver(api);
        using var phone = new SsoDriver(api);
        var laptopToken = await laptop.LegacySignInAsync(user);
        var phoneToken = await phone.LegacySignInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetMeAsync(phoneToken)).Status);

        var changed = await laptop.ChangePasswordAsync(laptopToken, user.Password, NewPassword);

        Assert.Equal(HttpStatusCode.NoContent, changed.Status);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetMeAsync(laptopToken)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetMeAsync(phoneToken)).Status);
        var notice = Assert.Single(await Mailbox.WaitForAsync(api.Services, user.Email, "password-changed"));
        Assert.Contains("Forgot Password", notice.TextBody, StringComparison.Ordinal);
        Assert.False(LegacyPasswordHash.IsLegacy(await StoredHashAsync(user)));
        using var next = new SsoDriver(api);
        Assert.Equal(HttpStatusCode.OK, (await next.LegacyLoginAsync(user.Email, NewPassword)).Status);
    }

    private async Task<string?> StoredHashAsync(TestUser user)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.EndUsers.Where(u => u.Id == user.EndUserId).Select(u => u.LegacyPasswordHash).SingleAsync();
    }
}
