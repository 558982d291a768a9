using System.Net;

namespace Api.Tests.Sso;

/// <summary>
/// An authenticator is added only where none exists. No ASVS 4.0.3 item names enrolment races;
/// the nearest are V3.7.1 (an account change needs a complete authentication) and NIST SP
/// 800-63B §6.1.2.1 (binding an authenticator requires authenticating at that level).
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class EnrolmentIntegrityTests(SsoApiFactory api)
{
    [Fact]
    [Trait("ASVS", "3.7.1")]
    public async Task A_second_browser_at_the_enrolment_step_cannot_replace_the_authenticator_just_enrolled()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        using var owner = new SsoDriver(api);
        using var other = new SsoDriver(api);
        var ownerKey = await Journeys.ReachEnrolmentAsync(owner, user);
        var otherKey = await Journeys.ReachEnrolmentAsync(other, user);

        Totp.AvoidStepBoundary();
        var now = DateTime.UtcNow;
        var enrolled = await owner.ConfirmEnrollmentAsync(Totp.CodeAt(ownerKey, now));
        // The other browser confirms a right code of its own key, in the same 30 s.
        var second = await other.ConfirmEnrollmentAsync(Totp.CodeAt(otherKey, now));

        Assert.Equal("done", enrolled.Step);
        Assert.Equal(10, enrolled.RecoveryCodes.Length);
        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        Assert.True(second.IsProblem, second.ToString());
        Assert.Equal(Journeys.AlreadyEnrolled, second.Detail);
        Assert.Empty(second.RecoveryCodes);
        Assert.False(Journeys.SetsSessionCookie(second));

        // The second key opens nothing; the first authenticator keeps working.
        user.TotpSecret = ownerKey;
        user.MarkUsed(now);
        using var intruder = new SsoDriver(api);
        await intruder.LoginToMfaAsync(user);
        Assert.Equal(HttpStatusCode.BadRequest, (await intruder.MfaAsync(Totp.CodeAt(otherKey, now))).Status);
        using var later = new SsoDriver(api);
        await later.LoginToMfaAsync(user);
        Assert.Equal("done", (await later.MfaAsync(user.NextCode())).Step);
    }

    [Fact]
    [Trait("ASVS", "3.7.1")]
    public async Task Fifty_parallel_confirmations_from_different_sign_ins_enrol_one_authenticator()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        var browsers = new List<SsoDriver>();
        var keys = new List<string>();
        try
        {
            for (var i = 0; i < 50; i++)
            {
                browsers.Add(new SsoDriver(api));
                keys.Add(await Journeys.ReachEnrolmentAsync(browsers[i], user));
            }

            Totp.AvoidStepBoundary();
            var now = DateTime.UtcNow;
            var answers = await Task.WhenAll(browsers.Select((browser, i) => browser.ConfirmEnrollmentAsync(Totp.CodeAt(keys[i], now))));

            var winner = Assert.Single(answers, a => a.Step == "done");
            // The losers are refused: by the conflict (409, with its sentence) or, once the account's
            // failure budget is taken by attempts in flight, before their code is even checked.
            var losers = answers.Where(a => a != winner).ToList();
            Assert.Equal(49, losers.Count(a => a.IsProblem && (a.Status == HttpStatusCode.Conflict ? a.Detail == Journeys.AlreadyEnrolled : a.Status == HttpStatusCode.BadRequest)));
            Assert.Contains(losers, a => a.Status == HttpStatusCode.Conflict);
            Assert.Single(answers, Journeys.SetsSessionCookie);
            Assert.Single(await Mailbox.MessagesAsync(api.Services, user.Email, "authenticator-enrolled"));

            // The winner's key is the account's authenticator.
            user.TotpSecret = keys[Array.IndexOf(answers, winner)];
            user.MarkUsed(now);
            using var later = new SsoDriver(api);
            await later.LoginToMfaAsync(user);
            Assert.Equal("done", (await later.MfaAsync(user.NextCode())).Step);
        }
        finally
        {
            Journeys.DisposeAll(browsers);
        }
    }
}
