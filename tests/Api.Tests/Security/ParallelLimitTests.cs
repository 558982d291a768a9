using System.Net;
using Api.Shared.Limits;
using Api.Sso.Throttling;
using Api.Tests.Sso;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Security;

/// <summary>
/// Failure budgets hold when fifty requests arrive at once (ASVS V2.2.1): each attempt takes its
/// unit before its password or code is checked, so in-flight guesses can never test more than the
/// limit, and a browser that carries the owner's device cookie is not held back meanwhile.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ParallelLimitTests(SsoApiFactory api)
{
    private const int Parallel = 50;
    private const int AccountLimit = 5;
    private const string WrongCredentials = "The e-mail or password is incorrect.";

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

    [Fact]
    [Trait("ASVS", "2.2.1")]
    public async Task A_lock_caused_by_fifty_parallel_guesses_mails_the_owner_once()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);

        await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async i =>
        {
            using var attacker = new SsoDriver(api);
            await attacker.StartAsync(user.Email);
            await attacker.PasswordAsync($"guess-{i}-not-it");
        }));

        var mails = await Mailbox.WaitForAsync(api.Services, user.Email, "account-locked");
        Assert.Single(mails);
        Assert.Contains("Forgot Password", mails[0].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("ASVS", "2.2.1")]
    public async Task An_office_behind_one_address_keeps_signing_in_while_an_attacker_there_is_held_back()
    {
        var office = SsoDriver.NewClientIp();
        var colleague = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        var ownerBrowser = new SsoDriver(api, office);
        await ownerBrowser.SignInAsync(colleague);

        // Thirty failures across many accounts from the office's one address: the address is held back …
        await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            using var attacker = new SsoDriver(api, office);
            await attacker.StartAsync(SsoUsers.UnknownEmail());
            await attacker.PasswordAsync($"spray-{i}");
        }));
        using var stranger = new SsoDriver(api, office);
        await stranger.StartAsync(colleague.Email);
        Assert.Equal(WrongCredentials, (await stranger.PasswordAsync(colleague.Password)).Detail);

        // … but not the colleague who has signed in from this browser before.
        using var again = BrowserWithDeviceCookieOf(ownerBrowser, office);
        Assert.False(string.IsNullOrEmpty((await again.SignInAsync(colleague)).AccessToken));
        ownerBrowser.Dispose();
    }

    [Fact]
    [Trait("ASVS", "2.2.1")]
    public async Task Addresses_in_one_ipv6_64_share_one_counter()
    {
        var prefix = SsoDriver.NewClientIp()[..^3];
        for (var i = 0; i < 30; i++)
        {
            // A new interface identifier for every try, as an attacker with a /64 can do.
            using var attacker = new SsoDriver(api, $"{prefix}:{i + 1:x}");
            await attacker.StartAsync(SsoUsers.UnknownEmail());
            await attacker.PasswordAsync($"spray-{i}");
        }

        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var sameNetwork = new SsoDriver(api, $"{prefix}:ffff");
        await sameNetwork.StartAsync(user.Email);
        Assert.Equal(WrongCredentials, (await sameNetwork.PasswordAsync(user.Password)).Detail);
    }

    [Fact]
    [Trait("ASVS", "2.2.1")]
    public async Task Spellings_of_one_email_share_one_counter()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        var fullwidth = string.Concat(user.Email.Select(c => c is >= 'a' and <= 'z' ? (char)(c - 'a' + 'ａ') : c));
        string[] spellings = [user.Email.ToUpperInvariant(), fullwidth, " " + user.Email, user.Email.ToUpperInvariant(), fullwidth];
        foreach (var spelling in spellings)
        {
            using var attacker = new SsoDriver(api);
            Assert.Equal("password", (await attacker.StartAsync(spelling)).Step);
            Assert.Equal(WrongCredentials, (await attacker.PasswordAsync("not-the-password")).Detail);
        }

        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email);
        Assert.Equal(WrongCredentials, (await browser.PasswordAsync(user.Password)).Detail);
    }

    [Fact]
    [Trait("ASVS", "2.5.1")]
    public async Task Fifty_parallel_forgot_password_requests_from_one_address_pass_the_limit_only()
    {
        var address = SsoDriver.NewClientIp();
        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async _ =>
        {
            using var browser = new SsoDriver(api, address);
            return await browser.ForgotPasswordAsync(SsoUsers.UnknownEmail());
        }));

        var limit = new LoginThrottleOptions().ForgotPasswordIpLimit;
        Assert.Equal(limit, answers.Count(a => a.Status == HttpStatusCode.Accepted));
        var refused = answers.Where(a => a.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(Parallel - limit, refused.Count);
        Assert.All(refused, a => Assert.True(a.IsProblem && a.Raw.Headers.RetryAfter is not null, a.ToString()));
    }

    [Fact]
    [Trait("ASVS", "2.5.1")]
    public async Task An_attacker_who_uses_up_the_reset_mail_quota_does_not_stop_the_owner_getting_a_link()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        var owner = await SignedInOwnerAsync(user);
        for (var i = 0; i < Api.Sso.Passwords.PasswordResetMailer.MailsPerHour + 3; i++)
        {
            using var attacker = new SsoDriver(api);
            Assert.Equal(HttpStatusCode.Accepted, (await attacker.ForgotPasswordAsync(user.Email)).Status);
        }

        await Mailbox.WaitForAsync(api.Services, user.Email, "password-reset", Api.Sso.Passwords.PasswordResetMailer.MailsPerHour);
        using var ownerAgain = BrowserWithDeviceCookieOf(owner);
        Assert.Equal(HttpStatusCode.Accepted, (await ownerAgain.ForgotPasswordAsync(user.Email)).Status);

        var mails = await Mailbox.WaitForAsync(api.Services, user.Email, "password-reset", Api.Sso.Passwords.PasswordResetMailer.MailsPerHour + 1);
        Assert.Equal(Api.Sso.Passwords.PasswordResetMailer.MailsPerHour + 1, mails.Count);
    }

    [Fact]
    [Trait("ASVS", "2.2.1")]
    public async Task A_stolen_device_cookie_lets_fifty_parallel_guesses_test_only_its_own_budget_and_the_accounts()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var owner = await SignedInOwnerAsync(user);
        var guess = $"guess-{Guid.NewGuid():N}-";

        // Fifty browsers that all carry a copy of the owner's device cookie guess at once.
        await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async i =>
        {
            using var thief = BrowserWithDeviceCookieOf(owner);
            await thief.StartAsync(user.Email);
            Assert.Equal(WrongCredentials, (await thief.PasswordAsync(guess + i)).Detail);
        }));

        var limits = new LoginThrottleOptions();
        Assert.True(api.Hashing.ChecksStartingWith(guess) <= limits.DeviceFailureLimit + limits.AccountFailureLimit,
            $"{api.Hashing.ChecksStartingWith(guess)} guesses were hashed");
        using var thiefAgain = BrowserWithDeviceCookieOf(owner);
        await thiefAgain.StartAsync(user.Email);
        Assert.Equal(WrongCredentials, (await thiefAgain.PasswordAsync(user.Password)).Detail);
    }

    [Fact]
    [Trait("ASVS", "2.5.1")]
    public async Task Fifty_parallel_forgot_password_requests_for_one_account_send_at_most_the_hourly_quota()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);

        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async _ =>
        {
            using var stranger = new SsoDriver(api);
            return await stranger.ForgotPasswordAsync(user.Email);
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.Status));
        await Mailbox.WaitForAsync(api.Services, user.Email, "password-reset", Api.Sso.Passwords.PasswordResetMailer.MailsPerHour);
        // A request for another account after all fifty: requests are handled in order, so once its
        // mail is there, all fifty have been handled and the count is final.
        var other = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var last = new SsoDriver(api);
        await last.ForgotPasswordAsync(other.Email);
        await Mailbox.WaitForAsync(api.Services, other.Email, "password-reset");
        Assert.Equal(Api.Sso.Passwords.PasswordResetMailer.MailsPerHour, (await Mailbox.MessagesAsync(api.Services, user.Email, "password-reset")).Count);
    }

    [Fact]
    [Trait("ASVS", "2.2.1")]
    public async Task Fifty_parallel_activation_resends_send_at_most_two_more_mails()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.MigratedPending);
        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email);
        Assert.Equal("activate", (await browser.PasswordAsync(user.Password)).Step);

        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => browser.ResendActivationAsync()));

        Assert.Equal(Api.Sso.Login.ResendActivation.MaxResends, answers.Count(a => a.Status == HttpStatusCode.Accepted));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Accepted), a => Assert.Equal(HttpStatusCode.TooManyRequests, a.Status));
        Assert.Equal(1 + Api.Sso.Login.ResendActivation.MaxResends, (await Mailbox.MessagesAsync(api.Services, user.Email, "activation")).Count);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private async Task<SsoDriver> SignedInOwnerAsync(TestUser user)
    {
        var owner = new SsoDriver(api);
        await owner.SignInAsync(user);
        Assert.Contains(owner.Cookies.GetAllCookies(), c => c.Name == TrustedDevices.CookieName);
        return owner;
    }

    /// <summary>A fresh browser (no SSO session) that carries only the owner's device cookie.</summary>
    private SsoDriver BrowserWithDeviceCookieOf(SsoDriver owner, string? clientIp = null)
    {
        var browser = new SsoDriver(api, clientIp);
        var device = owner.Cookies.GetAllCookies().Single(c => c.Name == TrustedDevices.CookieName);
        browser.Cookies.Add(new Cookie(device.Name, device.Value, "/", "localhost") { Secure = true, HttpOnly = true });
        return browser;
    }

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
