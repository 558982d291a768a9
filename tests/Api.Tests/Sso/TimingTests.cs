using System.Diagnostics;
using System.Net;
using Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Api.Tests.Sso;

/// <summary>
/// "No response, status or timing difference tells whether an e-mail is registered": a wrong
/// password for a registered account costs about as long as any password for an unknown e-mail.
/// Runs alone (no other test collection in parallel) and compares the fastest of several tries
/// (load only ever adds time), with a margin for noise: the differences that matter are a
/// password hash, tens of milliseconds, against a single SHA-256, microseconds, or against two hashes.
/// </summary>
[Collection(SsoTimingCollection.Name)]
public sealed class TimingTests(SsoApiFactory api, ITestOutputHelper output)
{
    private const int Tries = 9;

    /// <summary>The fastest tries may differ by this share of the slower one (noise); a second hash (2×) or none (≫) does not pass.</summary>
    private const double Tolerance = 0.35;

    [Theory]
    [InlineData(SsoUserState.MigratedPending, false)]
    [InlineData(SsoUserState.Enrolled, false)]
    [InlineData(SsoUserState.Enrolled, true)]
    public async Task A_wrong_password_takes_as_long_for_a_registered_email_as_for_an_unknown_one(SsoUserState state, bool hasSignedInBefore)
    {
        // Warm up both paths once.
        await TimeWrongPasswordAsync(SsoUsers.UnknownEmail());
        await TimeWrongPasswordAsync((await UserAsync(state, hasSignedInBefore)).Email);

        var unknown = new List<double>();
        var registered = new List<double>();
        for (var i = 0; i < Tries; i++)
        {
            unknown.Add(await TimeWrongPasswordAsync(SsoUsers.UnknownEmail()));
            registered.Add(await TimeWrongPasswordAsync((await UserAsync(state, hasSignedInBefore)).Email));
        }

        var a = unknown.Min();
        var b = registered.Min();
        output.WriteLine($"fastest wrong-password time: unknown e-mail {a:0.0} ms, registered ({state}, signed in before: {hasSignedInBefore}) {b:0.0} ms; medians {Median(unknown):0.0} / {Median(registered):0.0} ms");
        var slower = Math.Max(a, b);
        Assert.True(Math.Abs(a - b) <= Math.Max(15, slower * Tolerance),
            $"timing tells registered from unknown e-mails: unknown {a:0.0} ms, registered {b:0.0} ms (fastest of {Tries})");
    }

    [Theory]
    [InlineData(SsoUserState.Enrolled)]
    [InlineData(SsoUserState.Legacy)]
    public async Task A_wrong_password_on_the_legacy_form_takes_as_long_for_a_registered_email_as_for_an_unknown_one(SsoUserState state)
    {
        await TimeLegacyWrongPasswordAsync(SsoUsers.UnknownEmail());
        await TimeLegacyWrongPasswordAsync((await SsoUsers.CreateAsync(api.Services, state)).Email);

        var unknown = new List<double>();
        var registered = new List<double>();
        for (var i = 0; i < Tries; i++)
        {
            unknown.Add(await TimeLegacyWrongPasswordAsync(SsoUsers.UnknownEmail()));
            registered.Add(await TimeLegacyWrongPasswordAsync((await SsoUsers.CreateAsync(api.Services, state)).Email));
        }

        var a = unknown.Min();
        var b = registered.Min();
        output.WriteLine($"legacy form, fastest wrong-password time: unknown e-mail {a:0.0} ms, registered ({state}) {b:0.0} ms; medians {Median(unknown):0.0} / {Median(registered):0.0} ms");
        Assert.True(Math.Abs(a - b) <= Math.Max(15, Math.Max(a, b) * Tolerance),
            $"timing tells registered from unknown e-mails on the legacy form: unknown {a:0.0} ms, registered ({state}) {b:0.0} ms (fastest of {Tries})");
    }

    private async Task<double> TimeLegacyWrongPasswordAsync(string email)
    {
        using var browser = new SsoDriver(api);
        var clock = Stopwatch.StartNew();
        var answer = await browser.LegacyLoginAsync(email, "definitely-not-the-password");
        clock.Stop();
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        return clock.Elapsed.TotalMilliseconds;
    }

    private async Task<TestUser> UserAsync(SsoUserState state, bool hasSignedInBefore)
    {
        var user = await SsoUsers.CreateAsync(api.Services, state);
        if (hasSignedInBefore)
        {
            // A first SSO login upgrades the imported legacy hash to the current algorithm.
            using var browser = new SsoDriver(api);
            await browser.LoginToMfaAsync(user);
        }

        return user;
    }

    private async Task<double> TimeWrongPasswordAsync(string email)
    {
        using var browser = new SsoDriver(api);
        await browser.StartAsync(email);
        var clock = Stopwatch.StartNew();
        var answer = await browser.PasswordAsync("definitely-not-the-password");
        clock.Stop();
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}

/// <summary>Timing measurements run with no other collection in parallel, on an Api of their own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SsoTimingCollection : ICollectionFixture<SsoApiFactory>
{
    public const string Name = "sso-timing";
}
