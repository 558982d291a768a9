using Api.Shared;
using Api.Sso.Login;

namespace Api.Tests.Sso;

/// <summary>
/// Where the sign-in screen sends the browser when it is done: only a path on this origin, at most
/// 2 KB, without control characters; anything else becomes the portal's home.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ReturnUrlTests(SsoApiFactory api)
{
    private static readonly string LongestPath = "/portal?" + new string('a', InputRules.MaxReturnUrlLength - "/portal?".Length);

    public static TheoryData<string> Refused => new()
    {
        "//evil.example/portal",
        "/\\evil.example/portal",
        "https://evil.example/portal",
        "javascript:alert(1)",
        "portal",
        "/\t/evil.example",
        "/\n/evil.example",
        "/portal\r\nSet-Cookie: a=b",
        "/portal\0",
        "/portal\u007f",
        "/%09/evil.example",
        "/portal%0d%0aSet-Cookie:%20a=b",
        "/portal%7F",
        LongestPath + "a",
    };

    [Theory]
    [Trait("ASVS", "5.1.5")]
    [MemberData(nameof(Refused))]
    public async Task A_return_url_off_this_origin_oversized_or_with_control_characters_ends_at_the_portal_home(string returnUrl)
    {
        var done = await SignInAsync(returnUrl);

        Assert.Equal(InputRules.DefaultReturnUrl, done.RedirectUrl);
    }

    public static TheoryData<string> Kept => new()
    {
        "/connect/authorize?client_id=portal-spa&response_type=code&scope=openid%20portal-api",
        "/portal/profile",
        LongestPath,
    };

    [Theory]
    [Trait("ASVS", "5.1.5")]
    [MemberData(nameof(Kept))]
    public async Task A_return_url_on_this_origin_up_to_2_kb_is_kept(string returnUrl)
    {
        Assert.Equal(returnUrl, (await SignInAsync(returnUrl)).RedirectUrl);
    }

    private async Task<SsoResponse> SignInAsync(string returnUrl)
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        Assert.Equal("password", (await browser.StartAsync(user.Email, returnUrl)).Step);
        Assert.Equal("mfa", (await browser.PasswordAsync(user.Password)).Step);
        var done = await browser.MfaAsync(user.NextCode());
        Assert.Equal("done", done.Step);
        return done;
    }
}
