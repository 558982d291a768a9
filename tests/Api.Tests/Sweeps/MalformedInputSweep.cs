using System.Text;
using Api.Tests.Sso;
using Microsoft.Net.Http.Headers;

namespace Api.Tests.Sweeps;

/// <summary>
/// Generated from the OpenAPI document: every operation that takes input, sent each kind of bad
/// input (<see cref="MalformedRequest"/>), answers a 4xx ProblemDetails with a sentence — never a
/// 5xx, a stack trace or the input echoed back — and writes nothing: no SQL row (outbox
/// included), no SSO session, no session or login cookie. An endpoint added later is swept
/// without being listed here. An Api of its own, so row counts see only this class's requests.
/// </summary>
public sealed class MalformedInputSweep(SsoApiFactory api, SweepAccounts accounts) : IClassFixture<SsoApiFactory>, IClassFixture<SweepAccounts>
{
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var operation in ApiDescription.Operations.Where(o => o.TakesInput))
        {
            foreach (var kind in MalformedRequest.For(operation))
            {
                cases.Add(operation.Key, kind.Name);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    [Trait("ASVS", "5.1.3")]
    [Trait("ASVS", "5.1.4")]
    [Trait("ASVS", "7.4.1")]
    public async Task Bad_input_is_refused_with_a_4xx_problem_and_writes_nothing(string operation, string kind)
    {
        var target = ApiDescription.Find(operation);
        var bad = MalformedRequest.For(target).Single(k => k.Name == kind);
        // Signed in (a legacy user's real token) and in the middle of a sign-in, at each step in
        // turn, so every operation gets past "who are you" and "which step" to its own checks.
        var token = await accounts.LegacyAccessTokenAsync(api);
        var user = await accounts.EnrolledUserAsync(api);
        using var atPassword = new SsoDriver(api);
        Assert.Equal("password", (await atPassword.StartAsync(user.Email)).Step);

        await AssertRefusedAsync("at the password step", atPassword, target, bad, token);
        await AssertRefusedAsync("at the MFA step", await accounts.MfaPendingBrowserAsync(api), target, bad, token);
        await AssertRefusedAsync("at the enrolment step", await accounts.EnrolmentPendingBrowserAsync(api), target, bad, token);
    }

    private async Task AssertRefusedAsync(string state, SsoDriver browser, ApiOperation target, MalformedRequest bad, string token)
    {
        var before = await StoreSnapshot.TakeAsync(api.Services);
        using var request = new HttpRequestMessage(new HttpMethod(target.Method), bad.Url(target));
        request.Headers.Authorization = new("Bearer", token);
        if (bad.Body(target) is { } body)
        {
            request.Content = new StringContent(body, Encoding.UTF8, bad.MediaType);
        }

        var answer = await SsoResponse.ReadAsync(await browser.Http.SendAsync(request));
        var after = await StoreSnapshot.TakeAsync(api.Services);

        Assert.True((int)answer.Status is >= 400 and < 500, $"{state}: expected a 4xx, got {Short(answer)}");
        Assert.True(answer.IsProblem, $"{state}: expected application/problem+json, got {Short(answer)}");
        Assert.True(HasSentence(answer), $"{state}: no sentence for the user in detail or errors: {Short(answer)}");
        BadInputTests.AssertNoStackTrace(answer);
        Assert.True(answer.Body.Length < 4096, $"{state}: the answer echoes the input back ({answer.Body.Length} bytes)");
        Assert.False(answer.SetCookies.Any(SetsSignInCookie), $"{state}: a sign-in cookie was set: {string.Join("; ", answer.SetCookies)}");
        Assert.True(before.Differences(after).Count == 0, $"{state}: written: {string.Join(", ", before.Differences(after))}");
    }

    /// <summary>A sentence the SPA can show: detail, or else a message under errors.</summary>
    internal static bool HasSentence(SsoResponse answer) =>
        IsSentence(answer.Detail)
        || (answer.Errors?.Any(field => field.Value is System.Text.Json.Nodes.JsonArray messages
            && messages.Any(m => IsSentence(m?.GetValue<string>()))) ?? false);

    private static bool IsSentence(string? text) =>
        text is { Length: > 3 } && text.Trim().Contains(' ', StringComparison.Ordinal) && text.TrimEnd()[^1] is '.' or '!' or '?';

    /// <summary>Sets (not deletes) the SSO session cookie or the login-transaction cookie.</summary>
    private static bool SetsSignInCookie(string setCookie) =>
        SetCookieHeaderValue.TryParse(setCookie, out var cookie)
        && cookie.Name.Value is "__Host-sso" or "__Host-sso-login"
        && !string.IsNullOrEmpty(cookie.Value.Value)
        && (cookie.Expires is null || cookie.Expires > DateTimeOffset.UtcNow);

    private static string Short(SsoResponse answer) => answer.ToString()[..Math.Min(400, answer.ToString().Length)];
}
