using System.Net;
using Api.Sso.Sessions;

namespace Api.Tests.Sso;

/// <summary>
/// A Redis Cluster master that fails over, planned (an upgrade) or by a crash, signs nobody out:
/// its replica has the sessions and the Api's client follows the new master; a logout right after
/// still ends the session everywhere. On a cluster of its own, whatever engine the run names.
/// While the client learns the new master, a request may answer 503 ("try again in a moment"),
/// and the user tries again; what must never come is a 401 (signed out) or a 500.
/// </summary>
public sealed class ClusterFailoverTests(ClusterApiFactory api) : IClassFixture<ClusterApiFactory>
{
    [Fact]
    public async Task A_master_failing_over_signs_nobody_out_and_a_logout_still_ends_the_session()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var laptop = new SsoDriver(api);
        using var phone = new SsoDriver(api);
        var laptopToken = (await laptop.SignInAsync(user)).AccessToken;
        var phoneToken = (await phone.SignInAsync(user)).AccessToken;
        // Every key of the user's sessions is in the slot of its index: take that master away.
        var sessionsKey = SessionKeys.Index(user.AccountId!);

        // Planned (an upgrade): the replica takes over, nothing is lost.
        api.Cluster.FailOverMasterOf(sessionsKey);
        var afterPlanned = await UntilAnsweredAsync(() => laptop.GetMeAsync(laptopToken), answer => answer.Status);
        var logout = await UntilAnsweredAsync(laptop.LogoutAsync, answer => answer.StatusCode);
        var laptopAfterLogout = await laptop.GetMeAsync(laptopToken);
        var phoneAfterLogout = await UntilAnsweredAsync(() => phone.GetMeAsync(phoneToken), answer => answer.Status);

        // A crash: the new master dies; its replica is promoted within the node timeout.
        api.Cluster.KillMasterOf(sessionsKey);
        var phoneAfterCrash = await UntilAnsweredAsync(() => phone.GetMeAsync(phoneToken), answer => answer.Status);
        var laptopAfterCrash = await laptop.GetMeAsync(laptopToken);
        // The phone's SSO cookie still renews its tokens silently.
        var renewal = await phone.RenewalCodeAsync();
        var renewed = await phone.RedeemCodeAsync(renewal.Code, renewal.Verifier);
        // Someone else signs in afresh: their keys may be in any slot, the crashed master's too.
        // Like a person told "please try again" while the cluster settles, they start over.
        var newcomer = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        var (desktop, newcomerToken) = await SignInWhileTheClusterSettlesAsync(newcomer);
        using var _ = desktop;

        Assert.Equal(HttpStatusCode.OK, afterPlanned.Status);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, laptopAfterLogout.Status);
        Assert.Equal(HttpStatusCode.OK, phoneAfterLogout.Status);
        Assert.Equal(HttpStatusCode.OK, phoneAfterCrash.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, laptopAfterCrash.Status);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desktop.GetMeAsync(newcomerToken)).Status);
        // The laptop's SSO cookie does not sign it in silently either: the session ended everywhere.
        await laptop.PrepareSignInAsync();
        Assert.Null(SsoDriver.CodeIn(await laptop.AuthorizeAsync(laptop.AuthorizeState!.StartUrl)));
    }

    /// <summary>
    /// A whole sign-in, started over while a step is refused in the crash's window (a 503 "Nothing
    /// was changed; please try again"), at most 20 s: the cluster's own failure detection.
    /// </summary>
    private async Task<(SsoDriver Driver, string Token)> SignInWhileTheClusterSettlesAsync(TestUser user)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var driver = new SsoDriver(api);
            try
            {
                return (driver, (await driver.SignInAsync(user)).AccessToken);
            }
            catch (Xunit.Sdk.XunitException) when (DateTime.UtcNow < deadline)
            {
                driver.Dispose();
                await Task.Delay(200);
            }
        }
    }

    /// <summary>
    /// The user trying again while the Api answers 503 (the client learning the new master, or the
    /// cluster still detecting a crashed one). Real time: the cluster's own failure detection and
    /// the client's refresh are what is waited for, at most 20 s.
    /// </summary>
    private static async Task<T> UntilAnsweredAsync<T>(Func<Task<T>> request, Func<T, HttpStatusCode> status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var answer = await request();
            if (status(answer) != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
            {
                return answer;
            }

            await Task.Delay(200);
        }
    }
}
