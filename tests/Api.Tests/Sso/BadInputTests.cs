using System.Diagnostics;
using System.Net;

namespace Api.Tests.Sso;

/// <summary>Oversized or malformed input: a clear 4xx ProblemDetails, before any expensive work.</summary>
[Collection(SsoCollection.Name)]
public sealed class BadInputTests(SsoApiFactory api)
{
    private static readonly string OneMegabyte = new('p', 1024 * 1024);

    [Fact]
    public async Task A_one_megabyte_password_is_refused_quickly_and_never_hashed()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email);

        var clock = Stopwatch.StartNew();
        var answer = await browser.PasswordAsync(OneMegabyte);
        clock.Stop();

        AssertRefusedAsTooBig(answer);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.ElapsedMilliseconds} ms");
        Assert.True(api.Hashing.LongestPassword <= 128, $"a password of {api.Hashing.LongestPassword} characters reached the password hasher");
        // It is no guess either: the real password still goes through (no failure was counted
        // against a request that was never checked).
        Assert.Equal("mfa", (await browser.PasswordAsync(user.Password)).Step);
    }

    [Fact]
    public async Task A_password_one_character_over_the_limit_is_refused_with_a_sentence()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email);

        var answer = await browser.PasswordAsync(new string('p', 129));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.True(answer.IsProblem, answer.ToString());
        Assert.Contains("128", answer.Detail);
        Assert.NotNull(answer.Errors?["password"]);
        Assert.True(api.Hashing.LongestPassword <= 128, $"a password of {api.Hashing.LongestPassword} characters reached the password hasher");
    }

    [Fact]
    public async Task A_one_megabyte_password_on_the_legacy_form_and_the_reset_form_is_refused_quickly()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Legacy);
        using var browser = new SsoDriver(api);

        var clock = Stopwatch.StartNew();
        var legacy = await browser.LegacyLoginAsync(user.Email, OneMegabyte);
        var reset = await browser.ResetPasswordAsync("00000000000000000000000000000000.x", OneMegabyte);
        clock.Stop();

        AssertRefusedAsTooBig(legacy);
        AssertRefusedAsTooBig(reset);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.ElapsedMilliseconds} ms");
        Assert.True(api.Hashing.LongestPassword <= 128, $"a password of {api.Hashing.LongestPassword} characters reached the password hasher");
    }

    [Theory]
    [InlineData("/api/sso/login/start", "{\"email\": \"someone@example.test\",")]
    [InlineData("/api/sso/login/start", "not json at all")]
    [InlineData("/api/sso/login/start", "{\"email\": 42}")]
    [InlineData("/api/sso/password/forgot", "{\"email\": [")]
    [InlineData("/api/legacy/login", "{\"email\": \"a@b.test\", \"password\": {}}")]
    [InlineData("/api/sso/activate", "{\"token\": ")]
    public async Task Malformed_json_is_answered_with_a_400_problem_details(string path, string body)
    {
        using var browser = new SsoDriver(api);

        var answer = await browser.PostRawAsync(path, body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.True(answer.IsProblem, answer.ToString());
        AssertNoStackTrace(answer);
    }

    [Fact]
    public async Task A_body_that_is_not_json_at_all_is_refused_with_4xx()
    {
        using var browser = new SsoDriver(api);

        var answer = await browser.PostRawAsync("/api/sso/login/start", "email=someone@example.test", "application/x-www-form-urlencoded");

        Assert.InRange((int)answer.Status, 400, 499);
        AssertNoStackTrace(answer);
    }

    [Theory]
    [InlineData("/api/sso/login/start")]
    [InlineData("/api/sso/password/forgot")]
    [InlineData("/api/legacy/login")]
    public async Task An_email_of_300_characters_is_refused_with_a_sentence(string path)
    {
        using var browser = new SsoDriver(api);
        var email = new string('a', 300 - "@example.test".Length) + "@example.test";

        var answer = await browser.PostAsync(path, new { email, password = "whatever-password" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.True(answer.IsProblem, answer.ToString());
        Assert.Equal("Enter a valid e-mail address.", answer.Detail);
        Assert.NotNull(answer.Errors?["email"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-email")]
    [InlineData("someone@")]
    [InlineData("Someone <someone@example.test>")]
    public async Task A_malformed_email_is_refused_at_the_first_step(string email)
    {
        using var browser = new SsoDriver(api);

        var answer = await browser.StartAsync(email);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("Enter a valid e-mail address.", answer.Detail);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_before_it_is_read()
    {
        using var browser = new SsoDriver(api);
        var body = "{\"email\":\"" + new string('a', 64 * 1024) + "@example.test\"}";

        var answer = await browser.PostRawAsync("/api/sso/login/start", body);

        Assert.True(answer.Status is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, answer.ToString());
        AssertNoStackTrace(answer);
    }

    [Theory]
    [InlineData("//evil.example/steal")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task A_foreign_return_url_is_replaced_by_the_portal(string returnUrl)
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email, returnUrl);
        await browser.PasswordAsync(user.Password);

        var done = await browser.MfaAsync(user.NextCode());

        Assert.Equal("done", done.Step);
        Assert.Equal("/portal", done.RedirectUrl);
    }

    private static void AssertRefusedAsTooBig(SsoResponse answer)
    {
        Assert.True(answer.Status is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, answer.ToString()[..Math.Min(300, answer.ToString().Length)]);
        Assert.True(answer.IsProblem, $"expected ProblemDetails, got {answer.MediaType}: {answer.Body[..Math.Min(300, answer.Body.Length)]}");
        Assert.False(string.IsNullOrWhiteSpace(answer.Detail));
        Assert.True(answer.Body.Length < 4096, $"the answer echoes the input back ({answer.Body.Length} bytes)");
        AssertNoStackTrace(answer);
    }

    internal static void AssertNoStackTrace(SsoResponse answer)
    {
        Assert.DoesNotContain("   at ", answer.Body);
        Assert.DoesNotContain("Exception", answer.Body);
        Assert.DoesNotContain(".cs:line", answer.Body);
    }
}
