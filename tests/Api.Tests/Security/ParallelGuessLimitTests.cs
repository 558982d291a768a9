using System.Net;
using Api.Shared.Limits;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Security;

/// <summary>
/// Failure budgets hold when fifty guesses arrive at once (ASVS V2.2.1): each attempt takes its
/// unit before its password or code is checked, so in-flight guesses can never test more than the
/// limit (SSO password and MFA steps, the legacy form, Edit Profile), and a browser that carries
/// the owner's device cookie is not held back meanwhile.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ParallelGuessLimitTests(SsoApiFactory api)
{
    private const int Parallel = ParallelAttack.Parallel;
    private const int AccountLimit = 5;
    private const string WrongCredentials = ParallelAttack.WrongCredentials;

    [Fact]
    [Trait("ASVS", "2.2.1")]
    public async Task Fifty_parallel_wrong_passwords_test_at_most_the_limit_and_the_right_one_last_is_refused()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        var owner = await SignedInOwnerAsync(user);
        var guess = $"guess-{Guid.NewGuid():N}-";

        // Forty-nine wrong passwords in flight at once, from anonymous browsers on many addresses …
        var wrong = Enumerable.Range(0, Parallel - 1).Select(async i =>
        {
            using var attacker = new SsoDriver(api);
            await attacker.StartAsync(user.Email);
            return await attacker.PasswordAsync(guess + i);
        }).ToList();
        await WaitForFailuresAsync($"sso:fail:account:{user.Email}", AccountLimit);

        // … and the right one last, while they are still being answered.
        using var last = new SsoDriver(api);
        await last.StartAsync(user.Email);
        var right = await last.PasswordAsync(user.Password);
        var answers = await Task.WhenAll(wrong);

        Assert.Equal(HttpStatusCode.BadRequest, right.Status);
        Assert.Equal(WrongCredentials, right.Detail);
        Assert.All(answers, a => Assert.Equal(WrongCredentials, a.Detail));
        Assert.True(api.Hashing.ChecksStartingWith(guess) <= AccountLimit, $"{api.Hashing.ChecksStartingWith(guess)} guesses were hashed");

        // Meanwhile the owner's own browser (device cookie) still signs in.
        using var ownerAgain = BrowserWithDeviceCookieOf(owner);
        Assert.False(string.IsNullOrEmpty((await ownerAgain.SignInAsync(user)).AccessToken));
    }

    [Fact]
    [Trait("ASVS", "2.2.1")]
    public async Task Fifty_parallel_wrong_mfa_codes_test_at_most_the_limit_and_the_right_code_last_is_refused()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        var owner = await SignedInOwnerAsync(user);
        Totp.AvoidStepBoundary();

        // The attacker knows the password (phished) and guesses codes from fifty browsers at once.
        var attackers = new List<SsoDriver>();
        for (var i = 0; i < Parallel; i++)
        {
            var attacker = new SsoDriver(api);
            await attacker.LoginToMfaAsync(user);
            attackers.Add(attacker);
        }

        var wrongCode = user.WrongCode();
        var wrong = attackers.Take(Parallel - 1).Select(a => a.MfaAsync(wrongCode)).ToList();
        await WaitForFailuresAsync($"sso:fail:account:{user.Email}", AccountLimit);
        var right = await attackers[^1].MfaAsync(user.NextCode());
        var answers = await Task.WhenAll(wrong);
        attackers.ForEach(a => a.Dispose());

        Assert.Equal(HttpStatusCode.BadRequest, right.Status);
        Assert.DoesNotContain(right.SetCookies, c => c.StartsWith("__Host-sso=", StringComparison.Ordinal));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.BadRequest, a.Status));
        Assert.Equal(AccountLimit, await CountAsync($"sso:fail:account:{user.Email}"));

        using var ownerAgain = BrowserWithDeviceCookieOf(owner);
        Assert.False(string.IsNullOrEmpty((await ownerAgain.SignInAsync(user)).AccessToken));
    }

    [Fact]
    [Trait("ASVS", "2.2.1")]
    public async Task Fifty_parallel_wrong_passwords_on_the_legacy_form_and_the_right_one_last_is_refused()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Legacy);
        using var owner = new SsoDriver(api);
        Assert.Equal(HttpStatusCode.OK, (await owner.LegacyLoginAsync(user.Email, user.Password)).Status);

        var wrong = Enumerable.Range(0, Parallel - 1).Select(async i =>
        {
            using var attacker = new SsoDriver(api);
            return await attacker.LegacyLoginAsync(user.Email, $"guess-{i}-not-it");
        }).ToList();
        await WaitForFailuresAsync($"sso:fail:account:{user.Email}", AccountLimit);
        using var last = new SsoDriver(api);
        var right = await last.LegacyLoginAsync(user.Email, user.Password);
        var answers = await Task.WhenAll(wrong);

        Assert.Equal(HttpStatusCode.BadRequest, right.Status);
        Assert.Equal(WrongCredentials, right.Detail);
        Assert.DoesNotContain(right.SetCookies, c => c.StartsWith("__Host-sso=", StringComparison.Ordinal));
        Assert.All(answers, a => Assert.Equal(WrongCredentials, a.Detail));
        Assert.Equal(AccountLimit, await CountAsync($"sso:fail:account:{user.Email}"));

        using var ownerAgain = BrowserWithDeviceCookieOf(owner);
        Assert.Equal(HttpStatusCode.OK, (await ownerAgain.LegacyLoginAsync(user.Email, user.Password)).Status);
    }

    [Fact]
    [Trait("ASVS", "2.2.1")]
    public async Task Fifty_parallel_guesses_of_the_current_password_in_edit_profile_test_at_most_the_limit()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Legacy);
        using var browser = new SsoDriver(api);
        var token = await browser.LegacySignInAsync(user);

        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i =>
            browser.ChangePasswordAsync(token, $"guess-{i}-not-it", "A-brand-new-password-2026")));

        Assert.Equal(AccountLimit, answers.Count(a => a.Status == HttpStatusCode.BadRequest));
        Assert.Equal(Parallel - AccountLimit, answers.Count(a => a.Status == HttpStatusCode.TooManyRequests));
        Assert.All(answers.Where(a => a.Status == HttpStatusCode.TooManyRequests), a => Assert.False(string.IsNullOrWhiteSpace(a.Detail)));
        var right = await browser.ChangePasswordAsync(token, user.Password, "A-brand-new-password-2026");
        Assert.Equal(HttpStatusCode.TooManyRequests, right.Status);
    }

    private Task<SsoDriver> SignedInOwnerAsync(TestUser user) => ParallelAttack.SignedInOwnerAsync(api, user);

    /// <summary>A fresh browser (no SSO session) that carries only the owner's device cookie.</summary>
    private SsoDriver BrowserWithDeviceCookieOf(SsoDriver owner, string? clientIp = null) => ParallelAttack.BrowserWithDeviceCookieOf(api, owner, clientIp);

    private Task<long> CountAsync(string key) => api.Services.GetRequiredService<RedisBudget>().CountAsync(key);

    /// <summary>Waits (no fixed sleep) until the guesses in flight have taken the budget.</summary>
    private async Task WaitForFailuresAsync(string key, long count)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await CountAsync(key) < count)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"{key} stayed below {count}");
            await Task.Delay(5);
        }
    }
}
