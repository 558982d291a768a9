using System.Text.RegularExpressions;
using EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Browser;

/// <summary>
/// The portal keeps working past its access token's five minutes: the tab renews with its refresh
/// token (grant_type=refresh_token, rotated each time), a reload renews silently from the SSO
/// session, and no token of any kind is ever written to localStorage or sessionStorage.
/// </summary>
public sealed class TokenRefreshJourneyTests(StackFixture stack, BrowserFixture browser) : JourneyTest(stack, browser)
{
    private const string Email = DevelopmentAccounts.ErinEnrolled;

    // What the page posted to the token endpoint, in order (Playwright raises the event off the test's thread).
    private readonly List<string> tokenRequests = [];

    [Fact]
    public Task After_the_access_token_expires_the_portal_still_works_through_a_refresh_grant_and_nothing_is_stored() => JourneyAsync(async () =>
    {
        // The page's clock is ours to move (timers and Date), so "five minutes later" takes no time.
        await Page.Clock.InstallAsync();
        Page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.Contains("/connect/token", StringComparison.Ordinal))
            {
                lock (tokenRequests)
                {
                    tokenRequests.Add(request.PostData ?? "");
                }
            }
        };
        await SignInWithSingleSignOnAsync(Email, DevelopmentAccounts.Password, DevelopmentAccounts.AuthenticatorOf(Email));

        for (var round = 0; round < 2; round++)
        {
            // Past the access token's lifetime: the tab refreshes before it expires.
            var refresh = Page.WaitForRequestAsync(request => request.Url.Contains("/connect/token", StringComparison.Ordinal)
                && (request.PostData ?? "").Contains("grant_type=refresh_token", StringComparison.Ordinal));
            await Page.Clock.FastForwardAsync("05:00");
            var answer = await (await refresh).ResponseAsync();
            Assert.Equal(200, answer!.Status);
        }

        // The portal still answers with the renewed token: Edit Profile reads the Api.
        var profile = await PortalHome.OpenEditProfileAsync();
        await Expect(profile.ForgotPassword).ToBeVisibleAsync();
        Assert.True(RefreshGrants() >= 2, $"expected refresh grants, saw: {string.Join(" | ", Grants())}");
        await AssertNothingTokenLikeStoredAsync();

        // A reload forgets the tokens (memory only) and renews from the SSO session, not a refresh token.
        var grantsBefore = RefreshGrants();
        await Page.ReloadAsync();
        await Expect(profile.ForgotPassword).ToBeVisibleAsync();
        Assert.Equal(grantsBefore, RefreshGrants());
        await AssertNothingTokenLikeStoredAsync();
    });

    private int RefreshGrants() => Grants().Count(grant => grant == "refresh_token");

    private List<string> Grants()
    {
        lock (tokenRequests)
        {
            return [.. tokenRequests.Select(form => Regex.Match(form, "grant_type=([a-z_]+)").Groups[1].Value)];
        }
    }

    private async Task AssertNothingTokenLikeStoredAsync()
    {
        var stored = await Page.EvaluateAsync<string[]>(
            """
            () => [localStorage, sessionStorage].flatMap((storage, i) =>
              Object.keys(storage).map(key => `${i === 0 ? 'localStorage' : 'sessionStorage'}[${key}] = ${storage.getItem(key)}`))
            """);
        var tokenLike = stored.Where(entry => Regex.IsMatch(entry, "access_token|refresh_token|id_token|eyJ", RegexOptions.IgnoreCase));
        Assert.Empty(tokenLike);
    }
}
