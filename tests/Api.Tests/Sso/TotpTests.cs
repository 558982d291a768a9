using System.Net;

namespace Api.Tests.Sso;

/// <summary>TOTP codes: accepted within ±1 step of 30 s, and each code (time step) only once per account.</summary>
[Collection(SsoCollection.Name)]
public sealed class TotpTests(SsoApiFactory api)
{
    [Fact]
    [Trait("ASVS", "2.8.4")]
    public async Task A_code_is_accepted_once_and_its_replay_is_refused()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        Totp.AvoidStepBoundary();
        var code = user.Code();

        using var first = new SsoDriver(api);
        await first.LoginToMfaAsync(user);
        var accepted = await first.MfaAsync(code);

        // Someone who watched the code being typed tries it within the same 30 s.
        using var replay = new SsoDriver(api);
        await replay.LoginToMfaAsync(user);
        var replayed = await replay.MfaAsync(code);

        Assert.Equal("done", accepted.Step);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.Status);
        Assert.Equal("The code is incorrect or has expired.", replayed.Detail);
        Assert.DoesNotContain(replayed.SetCookies, c => c.StartsWith("__Host-sso=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_code_of_one_account_does_not_use_up_the_step_for_another()
    {
        // The seed shares one secret across accounts: the replay guard is per account.
        var one = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        var two = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        Totp.AvoidStepBoundary();

        using var a = new SsoDriver(api);
        using var b = new SsoDriver(api);
        await a.LoginToMfaAsync(one);
        await b.LoginToMfaAsync(two);

        Assert.Equal("done", (await a.MfaAsync(one.Code())).Step);
        Assert.Equal("done", (await b.MfaAsync(two.Code())).Step);
    }

    [Theory]
    [Trait("ASVS", "2.8.1")]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    public async Task A_code_within_one_step_of_now_is_accepted(int steps)
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.LoginToMfaAsync(user);

        Totp.AvoidStepBoundary();
        var answer = await browser.MfaAsync(user.Code(steps));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("done", answer.Step);
    }

    [Theory]
    [Trait("ASVS", "2.8.1")]
    [InlineData(-2)]
    [InlineData(2)]
    [InlineData(-10)]
    public async Task A_code_two_or_more_steps_away_is_refused(int steps)
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.LoginToMfaAsync(user);

        Totp.AvoidStepBoundary();
        var stale = user.Code(steps);
        Assert.DoesNotContain(stale, new[] { user.Code(-1), user.Code(0), user.Code(1) }); // 1 in 10^6: a coincidence
        var answer = await browser.MfaAsync(stale);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("The code is incorrect or has expired.", answer.Detail);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("abcdef")]
    [InlineData("")]
    public async Task A_malformed_code_is_refused_like_a_wrong_one(string code)
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.LoginToMfaAsync(user);

        var answer = await browser.MfaAsync(code);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.True(answer.IsProblem, answer.ToString());
    }

    [Fact]
    public async Task A_code_with_a_space_in_the_middle_is_accepted()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.LoginToMfaAsync(user);

        var code = user.NextCode();
        var answer = await browser.MfaAsync($"{code[..3]} {code[3..]}");

        Assert.Equal("done", answer.Step);
    }
}
