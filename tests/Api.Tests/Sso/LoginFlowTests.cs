using System.Net;
using Api.Tests.Infrastructure;

namespace Api.Tests.Sso;

/// <summary>The identifier-first sign-in: e-mail → password → activation / enrolment / MFA code → session.</summary>
[Collection(SsoCollection.Name)]
public sealed class LoginFlowTests(SsoApiFactory api)
{
    private const string WrongCredentials = "The e-mail or password is incorrect.";

    [Fact]
    public async Task Start_answers_the_same_for_a_registered_and_an_unregistered_email()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var known = new SsoDriver(api);
        using var unknown = new SsoDriver(api);

        var a = await known.StartAsync(user.Email, "/portal");
        var b = await unknown.StartAsync(SsoUsers.UnknownEmail(), "/portal");

        Assert.Equal(HttpStatusCode.OK, a.Status);
        Assert.Equal(HttpStatusCode.OK, b.Status);
        Assert.Equal("password", a.Step);
        // The body only echoes the e-mail typed; apart from that it is byte for byte the same.
        Assert.Equal(a.BodyWithout("email"), b.BodyWithout("email"));
        Assert.Equal(a.MediaType, b.MediaType);
        Assert.Contains(a.SetCookies, c => c.StartsWith("__Host-sso-login=", StringComparison.Ordinal));
        Assert.Contains(b.SetCookies, c => c.StartsWith("__Host-sso-login=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrong_password_unknown_email_and_locked_account_get_the_same_answer()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        var locked = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        for (var i = 0; i < 5; i++)
        {
            using var attacker = new SsoDriver(api);
            await attacker.StartAsync(locked.Email);
            Assert.Equal(HttpStatusCode.BadRequest, (await attacker.PasswordAsync("not-the-password-" + i)).Status);
        }

        using var one = new SsoDriver(api);
        using var two = new SsoDriver(api);
        using var three = new SsoDriver(api);
        await one.StartAsync(user.Email);
        await two.StartAsync(SsoUsers.UnknownEmail());
        await three.StartAsync(locked.Email);
        var wrongPassword = await one.PasswordAsync("not-the-password");
        var unknownEmail = await two.PasswordAsync("not-the-password");
        var lockedAccount = await three.PasswordAsync(locked.Password);

        foreach (var answer in new[] { wrongPassword, unknownEmail, lockedAccount })
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            Assert.True(answer.IsProblem, answer.ToString());
            Assert.Equal(WrongCredentials, answer.Detail);
        }

        Assert.Equal(wrongPassword.BodyWithout("traceId"), unknownEmail.BodyWithout("traceId"));
        Assert.Equal(wrongPassword.BodyWithout("traceId"), lockedAccount.BodyWithout("traceId"));
    }

    [Fact]
    [Trait("ASVS", "2.2.1")]
    public async Task After_five_wrong_passwords_the_right_password_is_refused_too()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        for (var i = 0; i < 5; i++)
        {
            using var attacker = new SsoDriver(api);
            await attacker.StartAsync(user.Email);
            Assert.Equal(WrongCredentials, (await attacker.PasswordAsync("guess-number-" + i)).Detail);
        }

        // The real user, from another IP: the account itself is locked.
        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email);
        var answer = await browser.PasswordAsync(user.Password);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(WrongCredentials, answer.Detail);
    }

    [Fact]
    [Trait("ASVS", "2.2.1")]
    public async Task Four_wrong_passwords_do_not_lock_the_account()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        for (var i = 0; i < 4; i++)
        {
            using var attacker = new SsoDriver(api);
            await attacker.StartAsync(user.Email);
            await attacker.PasswordAsync("guess-number-" + i);
        }

        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email);
        Assert.Equal("mfa", (await browser.PasswordAsync(user.Password)).Step);
    }

    [Fact]
    [Trait("ASVS", "2.2.1")]
    public async Task Wrong_mfa_codes_count_towards_the_lockout()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var attacker = new SsoDriver(api);
        await attacker.LoginToMfaAsync(user);
        var wrong = user.WrongCode();
        for (var i = 0; i < 5; i++)
        {
            var answer = await attacker.MfaAsync(wrong);
            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            Assert.Equal("The code is incorrect or has expired.", answer.Detail);
        }

        // Now even the right code is refused on that transaction …
        var rightCode = await attacker.MfaAsync(user.NextCode());
        Assert.Equal(HttpStatusCode.BadRequest, rightCode.Status);
        Assert.DoesNotContain(rightCode.SetCookies, c => c.StartsWith("__Host-sso=", StringComparison.Ordinal));

        // … and the right password on a new one, from another IP.
        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email);
        var password = await browser.PasswordAsync(user.Password);
        Assert.Equal(HttpStatusCode.BadRequest, password.Status);
        Assert.Equal(WrongCredentials, password.Detail);
    }

    [Fact]
    [Trait("ASVS", "2.2.1")]
    public async Task One_client_ip_is_held_back_after_30_failures_across_accounts()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        var ip = SsoDriver.NewClientIp();
        for (var i = 0; i < 30; i++)
        {
            // Many accounts, few tries each: no single account is locked.
            using var attacker = new SsoDriver(api, ip);
            await attacker.StartAsync(SsoUsers.UnknownEmail());
            Assert.Equal(HttpStatusCode.BadRequest, (await attacker.PasswordAsync("spray-" + i)).Status);
        }

        using var sameIp = new SsoDriver(api, ip);
        await sameIp.StartAsync(user.Email);
        var refused = await sameIp.PasswordAsync(user.Password);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(WrongCredentials, refused.Detail);

        // The account itself is fine: from another IP the same password works.
        using var otherIp = new SsoDriver(api);
        await otherIp.StartAsync(user.Email);
        Assert.Equal("mfa", (await otherIp.PasswordAsync(user.Password)).Step);
    }

    [Fact]
    public async Task A_step_cannot_be_skipped()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email);

        var mfa = await browser.MfaAsync(user.Code());
        var enrollment = await browser.EnrollmentAsync();
        var confirm = await browser.ConfirmEnrollmentAsync(user.Code());
        var resend = await browser.ResendActivationAsync();

        foreach (var answer in new[] { mfa, enrollment, confirm, resend })
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            Assert.True(answer.IsProblem, answer.ToString());
            Assert.False(string.IsNullOrWhiteSpace(answer.Detail));
            Assert.DoesNotContain(answer.SetCookies, c => c.StartsWith("__Host-sso=", StringComparison.Ordinal));
        }

        // And nothing without a transaction at all.
        using var stranger = new SsoDriver(api);
        Assert.Equal(HttpStatusCode.BadRequest, (await stranger.PasswordAsync(user.Password)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await stranger.MfaAsync(user.Code())).Status);
    }

    [Fact]
    public async Task A_password_step_cannot_be_repeated_once_it_has_passed()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.LoginToMfaAsync(user);

        var again = await browser.PasswordAsync(user.Password);

        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
    }

    [Fact]
    public async Task Authorize_with_only_an_mfa_pending_login_issues_no_code()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.BeginSignInAsync();
        await browser.LoginToMfaAsync(user);

        var location = await browser.AuthorizeAsync();

        Assert.Equal("/sso/login", location.AbsolutePath);
        Assert.Null(SsoDriver.CodeIn(location));
        Assert.DoesNotContain("code=", location.Query);
    }

    [Fact]
    public async Task Authorize_without_any_session_sends_the_browser_to_the_sign_in_screen()
    {
        using var browser = new SsoDriver(api);

        var response = await browser.BeginSignInAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = SsoDriver.LocationOf(response)!;
        Assert.Equal("/sso/login", location.AbsolutePath);
        Assert.StartsWith("/connect/authorize?", browser.ReturnUrl);
        Assert.Contains("code_challenge=", browser.ReturnUrl);
    }

    [Fact]
    public async Task Authorize_with_prompt_none_and_no_session_answers_login_required()
    {
        using var browser = new SsoDriver(api);
        var state = await browser.PrepareSignInAsync(new Duende.IdentityModel.Client.Parameters { { "prompt", "none" } });

        var callback = await browser.AuthorizeAsync(state.StartUrl);

        Assert.StartsWith(browser.RedirectUri, callback.ToString());
        Assert.Contains("error=login_required", callback.Query);
        Assert.Null(SsoDriver.CodeIn(callback));
    }

    [Fact]
    public async Task A_whole_sign_in_ends_in_a_token_for_the_user()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);

        var tokens = await browser.SignInAsync(user);
        var me = await browser.GetMeAsync(tokens.AccessToken);

        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal(user.DisplayName, me.String("name"));
    }

    [Fact]
    public async Task A_seeded_development_account_signs_in_with_the_readme_password_and_secret()
    {
        var henry = new TestUser
        {
            Email = "henry.enrolled@adventure.test",
            Password = "Portal-Pass-2026!",
            DisplayName = "Henry Enrolled",
            EndUserId = Guid.Empty,
            TotpSecret = "JBSWY3DPEHPK3PXP",
            ClientName = "Adventure Works",
            PartnerName = "Fabrikam MSP",
        };
        using var browser = new SsoDriver(api);

        var tokens = await browser.SignInAsync(henry);
        var me = await browser.GetMeAsync(tokens.AccessToken);

        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal("Henry Enrolled", me.String("name"));
        Assert.Equal("Adventure Works", me.String("clientName"));
    }

    [Fact]
    public async Task First_login_of_a_migrated_user_asks_to_activate_and_sends_the_activation_mail()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.MigratedPending);
        using var browser = new SsoDriver(api);
        Assert.Empty(await Mailbox.MessagesAsync(api.Services, user.Email));

        await browser.StartAsync(user.Email);
        var answer = await browser.PasswordAsync(user.Password);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("activate", answer.Step);
        Assert.DoesNotContain(answer.SetCookies, c => c.StartsWith("__Host-sso=", StringComparison.Ordinal));
        var mail = Assert.Single(await Mailbox.WaitForAsync(api.Services, user.Email, "activation"));
        Assert.Equal("Activate your email account", mail.Subject);
        Assert.NotEmpty(Mailbox.TokenIn(mail, "activate"));
    }

    [Fact]
    public async Task Resend_sends_another_activation_mail_and_stops_after_three()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.MigratedPending);
        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email);
        Assert.Equal("activate", (await browser.PasswordAsync(user.Password)).Step);

        Assert.Equal(HttpStatusCode.Accepted, (await browser.ResendActivationAsync()).Status);
        Assert.Equal(2, (await Mailbox.WaitForAsync(api.Services, user.Email, "activation", 2)).Count);
        Assert.Equal(HttpStatusCode.Accepted, (await browser.ResendActivationAsync()).Status);
        var tooMany = await browser.ResendActivationAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, tooMany.Status);
        Assert.False(string.IsNullOrWhiteSpace(tooMany.Detail));
        Assert.Equal(3, (await Mailbox.MessagesAsync(api.Services, user.Email, "activation")).Count);
    }

    [Fact]
    [Trait("ASVS", "2.5.6")]
    public async Task An_activation_link_works_once_and_then_the_user_enrolls()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.MigratedPending);
        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email);
        await browser.PasswordAsync(user.Password);
        var token = Mailbox.TokenIn((await Mailbox.WaitForAsync(api.Services, user.Email, "activation"))[0], "activate");

        var first = await browser.ActivateAsync(token);
        var second = await browser.ActivateAsync(token);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(user.Email, first.String("email"));
        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.True(second.IsProblem, second.ToString());
        Assert.Contains("expired or has already been used", second.Detail);

        // Back to the portal, Log in with Single Sign-On again: now the authenticator is next.
        using var again = new SsoDriver(api);
        await again.StartAsync(user.Email);
        Assert.Equal("enroll", (await again.PasswordAsync(user.Password)).Step);
    }

    [Fact]
    public async Task An_expired_activation_link_is_refused()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.MigratedPending);
        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email);
        await browser.PasswordAsync(user.Password);
        var token = Mailbox.TokenIn((await Mailbox.WaitForAsync(api.Services, user.Email, "activation"))[0], "activate");
        await Mailbox.ExpireLinksAsync(api.Services, user.AccountId!);

        var answer = await browser.ActivateAsync(token);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("expired or has already been used", answer.Detail);
        using var again = new SsoDriver(api);
        await again.StartAsync(user.Email);
        Assert.Equal("activate", (await again.PasswordAsync(user.Password)).Step);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("00000000000000000000000000000000.secret")]
    public async Task A_forged_activation_link_is_refused(string token)
    {
        using var browser = new SsoDriver(api);
        var answer = await browser.ActivateAsync(token);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.True(answer.IsProblem, answer.ToString());
    }

    [Fact]
    public async Task Enrolment_shows_a_qr_code_and_key_and_a_correct_code_gives_ten_recovery_codes()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        using var browser = new SsoDriver(api);
        await browser.BeginSignInAsync();
        await browser.StartAsync(user.Email);
        Assert.Equal("enroll", (await browser.PasswordAsync(user.Password)).Step);

        var enrollment = await browser.EnrollmentAsync();

        Assert.Equal(HttpStatusCode.OK, enrollment.Status);
        var qr = enrollment.String("qrCodeDataUri")!;
        Assert.StartsWith("data:image/png;base64,", qr);
        var png = Convert.FromBase64String(qr["data:image/png;base64,".Length..]);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        var manualKey = enrollment.String("manualKey")!;
        Assert.Matches("^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$", manualKey);
        Assert.Equal(user.Email, enrollment.String("accountName"));
        Assert.False(string.IsNullOrWhiteSpace(enrollment.String("issuer")));

        // The user types the key into an authenticator app and confirms one code.
        Totp.AvoidStepBoundary();
        var done = await browser.ConfirmEnrollmentAsync(Totp.CodeAt(manualKey, DateTime.UtcNow));

        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Equal("done", done.Step);
        Assert.Equal(10, done.RecoveryCodes.Length);
        Assert.Equal(10, done.RecoveryCodes.Distinct().Count());
        Assert.Contains(done.SetCookies, c => c.StartsWith("__Host-sso=", StringComparison.Ordinal));
        var tokens = await browser.FinishSignInAsync(done);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetMeAsync(tokens.AccessToken)).Status);
    }

    [Fact]
    public async Task A_wrong_enrolment_code_is_refused_and_enrols_nothing()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email);
        await browser.PasswordAsync(user.Password);
        var manualKey = (await browser.EnrollmentAsync()).String("manualKey")!;

        var answer = await browser.ConfirmEnrollmentAsync(Totp.CodeAt(manualKey, DateTime.UtcNow.AddMinutes(-5)));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Empty(answer.RecoveryCodes);
        using var again = new SsoDriver(api);
        await again.StartAsync(user.Email);
        Assert.Equal("enroll", (await again.PasswordAsync(user.Password)).Step);
    }

    [Fact]
    [Trait("ASVS", "2.6.1")]
    public async Task A_recovery_code_works_once_instead_of_a_totp_code()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        string[] recoveryCodes;
        using (var enrol = new SsoDriver(api))
        {
            await enrol.StartAsync(user.Email);
            await enrol.PasswordAsync(user.Password);
            var manualKey = (await enrol.EnrollmentAsync()).String("manualKey")!;
            user.TotpSecret = manualKey.Replace(" ", "", StringComparison.Ordinal);
            Totp.AvoidStepBoundary();
            user.MarkUsed(DateTime.UtcNow);
            recoveryCodes = (await enrol.ConfirmEnrollmentAsync(user.Code())).RecoveryCodes;
            Assert.Equal(10, recoveryCodes.Length);
        }

        using var first = new SsoDriver(api);
        await first.BeginSignInAsync();
        await first.LoginToMfaAsync(user);
        var used = await first.RecoveryCodeAsync(recoveryCodes[0]);
        Assert.Equal("done", used.Step);
        var tokens = await first.FinishSignInAsync(used);
        Assert.Equal(HttpStatusCode.OK, (await first.GetMeAsync(tokens.AccessToken)).Status);

        using var second = new SsoDriver(api);
        await second.LoginToMfaAsync(user);
        var reused = await second.RecoveryCodeAsync(recoveryCodes[0]);
        Assert.Equal(HttpStatusCode.BadRequest, reused.Status);
        Assert.Equal("The code is incorrect or has expired.", reused.Detail);

        // Another of the ten still works.
        Assert.Equal("done", (await second.RecoveryCodeAsync(recoveryCodes[1].ToUpperInvariant())).Step);
    }

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
        Assert.Equal(WrongCredentials, wrongPassword.Detail);
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
