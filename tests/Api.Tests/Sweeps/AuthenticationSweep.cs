using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Api.Sso.Sessions;
using Api.Tests.Sso;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Api.Tests.Sweeps;

/// <summary>
/// Generated from the OpenAPI document: every operation that needs a bearer token refuses one
/// that is missing, expired, of an ended SSO session or issued to another client, and a browser
/// that passed only the password step. Each token is a real one from the OIDC flow, changed in
/// one property and signed again (<see cref="ResignedTokens"/>); the control — the same copy on a
/// live session — must get through, so the one property is what is refused.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class AuthenticationSweep(SsoApiFactory api, SweepAccounts accounts) : IClassFixture<SweepAccounts>
{
    public const string AnotherClient = "another-product";

    public static TheoryData<string> SecuredOperations()
    {
        var operations = new TheoryData<string>();
        foreach (var operation in ApiDescription.Operations.Where(o => o.RequiresBearer))
        {
            operations.Add(operation.Key);
        }

        return operations;
    }

    [Theory]
    [MemberData(nameof(SecuredOperations))]
    [Trait("ASVS", "3.5.3")]
    public async Task A_real_token_on_a_live_session_gets_through(string operation)
    {
        var answer = await CallAsync(operation, await CopyAsync(_ => { }));

        // Not necessarily 2xx (the sweep's empty body may be refused as input, a role may be
        // missing), but never refused as unauthenticated: the refusals below are about the token.
        Assert.NotEqual(HttpStatusCode.Unauthorized, answer.Status);
    }

    [Theory]
    [MemberData(nameof(SecuredOperations))]
    [Trait("ASVS", "4.1.1")]
    public async Task No_token_is_refused(string operation) =>
        AssertUnauthenticated(await CallAsync(operation, token: null));

    [Theory]
    [MemberData(nameof(SecuredOperations))]
    [Trait("ASVS", "3.5.3")]
    public async Task An_expired_token_is_refused(string operation)
    {
        var expired = await CopyAsync(claims => ResignedTokens.SetTimes(claims, age: TimeSpan.FromMinutes(20), lifetime: TimeSpan.FromMinutes(5)));

        AssertUnauthenticated(await CallAsync(operation, expired));
    }

    [Theory]
    [MemberData(nameof(SecuredOperations))]
    [Trait("ASVS", "3.3.1")]
    [Trait("ASVS", "3.5.3")]
    public async Task A_token_of_an_ended_session_is_refused(string operation)
    {
        var ended = await accounts.EndedSessionAccessTokenAsync(api);
        // The ended session's own token, and a copy with fresh times: only the session can refuse it.
        var fresh = ResignedTokens.Copy(api.Services, ended, claims => ResignedTokens.SetTimes(claims, TimeSpan.Zero, TimeSpan.FromMinutes(5)));

        AssertUnauthenticated(await CallAsync(operation, ended));
        AssertUnauthenticated(await CallAsync(operation, fresh));
    }

    /// <summary>
    /// Issue 6, item 4: the portal Api accepts only tokens of clients allowed to call it
    /// (<c>client_id</c>/<c>azp</c>). Fails until that check exists.
    /// </summary>
    [Theory]
    [MemberData(nameof(SecuredOperations))]
    [Trait("ASVS", "3.5.3")]
    [Trait("ASVS", "4.1.1")]
    public async Task A_token_issued_to_another_client_is_refused(string operation)
    {
        var control = await CallAsync(operation, await CopyAsync(_ => { }));
        var foreign = await CopyAsync(claims =>
        {
            claims["client_id"] = AnotherClient;
            foreach (var presenter in new[] { "azp", "oi_prst" }.Where(claims.ContainsKey))
            {
                claims[presenter] = AnotherClient;
            }
        });

        var answer = await CallAsync(operation, foreign);

        Assert.True(
            answer.Status == HttpStatusCode.Unauthorized || (answer.Status == HttpStatusCode.Forbidden && control.Status != HttpStatusCode.Forbidden),
            $"a token of client '{AnotherClient}' was not refused: {answer} (the same token of portal-spa: {(int)control.Status})");
        Assert.True(answer.IsProblem, answer.ToString());
    }

    [Theory]
    [MemberData(nameof(SecuredOperations))]
    [Trait("ASVS", "4.1.1")]
    public async Task A_browser_that_passed_only_the_password_step_is_refused(string operation)
    {
        var browser = await accounts.MfaPendingBrowserAsync(api);

        // With that browser's cookies (the login transaction) and no token of its own.
        AssertUnauthenticated(await CallAsync(operation, token: null, browser));
    }

    [Fact]
    [Trait("ASVS", "4.1.1")]
    public async Task A_browser_that_passed_only_the_password_step_cannot_obtain_a_token()
    {
        var browser = await accounts.MfaPendingBrowserAsync(api);

        var interactive = await browser.AuthorizeAsync(browser.AuthorizeState!.StartUrl);
        var silent = await browser.PrepareSignInAsync(new Duende.IdentityModel.Client.Parameters { { "prompt", "none" } });
        var silentAnswer = await browser.AuthorizeAsync(silent.StartUrl);

        // Sent to the sign-in screen; a silent attempt answers login_required; no code either way.
        Assert.Equal("/sso/login", interactive.AbsolutePath);
        Assert.Null(SsoDriver.CodeIn(interactive));
        Assert.StartsWith(browser.RedirectUri, silentAnswer.ToString());
        Assert.Contains("error=login_required", silentAnswer.Query);
        Assert.Null(SsoDriver.CodeIn(silentAnswer));
        Assert.DoesNotContain(browser.Cookies.GetAllCookies(), cookie => cookie.Name == SsoSessionStore.CookieName);
    }

    private static void AssertUnauthenticated(SsoResponse answer)
    {
        Assert.True(answer.Status == HttpStatusCode.Unauthorized, $"expected 401, got {answer}");
        Assert.True(answer.IsProblem, $"expected ProblemDetails, got {answer}");
        Assert.True(MalformedInputSweep.HasSentence(answer), $"no sentence for the user: {answer}");
        Assert.Contains(answer.Raw.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Bearer");
        BadInputTests.AssertNoStackTrace(answer);
    }

    /// <summary>The live token of the sweep's user, copied onto a new session of its own (so an operation that ends sessions cannot spoil later rows), then changed.</summary>
    private async Task<string> CopyAsync(Action<Dictionary<string, object>> change)
    {
        var live = await accounts.LiveAccessTokenAsync(api);
        var subject = new JsonWebToken(live).Subject;
        var (session, _) = await api.Services.GetRequiredService<SsoSessionStore>().CreateAsync(subject, ["pwd", "mfa", "otp"], legacy: false);
        return ResignedTokens.Copy(api.Services, live, claims =>
        {
            claims["sid"] = session.Id;
            ResignedTokens.SetTimes(claims, TimeSpan.Zero, TimeSpan.FromMinutes(5));
            change(claims);
        });
    }

    /// <summary>Calls the operation as the SPA would, with a well-formed URL and an empty JSON object for a body.</summary>
    private async Task<SsoResponse> CallAsync(string operation, string? token, SsoDriver? browser = null)
    {
        var target = ApiDescription.Find(operation);
        using var fresh = browser is null ? new SsoDriver(api) : null;
        using var request = new HttpRequestMessage(new HttpMethod(target.Method), target.Url(ApiOperation.PlausibleValue));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (target.HasBody)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return await SsoResponse.ReadAsync(await (browser ?? fresh!).Http.SendAsync(request));
    }
}
