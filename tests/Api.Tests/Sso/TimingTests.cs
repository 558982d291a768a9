using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace Api.Tests.Sso;

/// <summary>
/// "No response, status or timing difference tells whether an e-mail is registered": a wrong
/// password for a registered account costs about as long as any password for an unknown e-mail.
/// Runs alone (no other test collection in parallel), compares the fastest of several interleaved
/// tries (load only ever adds time) with a margin for noise, and measures again when a round is
/// spoiled: the differences that matter (a password hash, tens of milliseconds, against a single
/// SHA-256, microseconds; or against two hashes) show in every round.
/// </summary>
[Collection(SsoTimingCollection.Name)]
public sealed class TimingTests(SsoApiFactory api, ITestOutputHelper output)
{
    private const int Tries = 7;

    private const int Rounds = 3;

    /// <summary>The fastest tries may differ by this share of the slower one (noise); a second hash (2×) or none (≫) does not pass.</summary>
    private const double Tolerance = 0.35;

    [Theory]
    [InlineData(SsoUserState.MigratedPending, false)]
    [InlineData(SsoUserState.Enrolled, false)]
    [InlineData(SsoUserState.Enrolled, true)]
    public async Task A_wrong_password_takes_as_long_for_a_registered_email_as_for_an_unknown_one(SsoUserState state, bool hasSignedInBefore) =>
        await AssertSameCostAsync(
            $"SSO password step, registered = {state}{(hasSignedInBefore ? " (signed in before)" : "")}",
            () => TimeWrongPasswordAsync(SsoUsers.UnknownEmail()),
            async () => await TimeWrongPasswordAsync((await UserAsync(state, hasSignedInBefore)).Email));

    [Theory]
    [InlineData(SsoUserState.Enrolled)]
    [InlineData(SsoUserState.Legacy)]
    public async Task A_wrong_password_on_the_legacy_form_takes_as_long_for_a_registered_email_as_for_an_unknown_one(SsoUserState state) =>
        await AssertSameCostAsync(
            $"legacy form, registered = {state}",
            () => TimeLegacyWrongPasswordAsync(SsoUsers.UnknownEmail()),
            async () => await TimeLegacyWrongPasswordAsync((await SsoUsers.CreateAsync(api.Services, state)).Email));

    /// <summary>
    /// Interleaved tries, fastest of each side compared. Noise on a shared machine can spoil one
    /// round, so up to <see cref="Rounds"/> rounds are measured: a real difference shows in every one.
    /// </summary>
    private async Task AssertSameCostAsync(string what, Func<Task<double>> unknownTry, Func<Task<double>> registeredTry)
    {
        await unknownTry();
        await registeredTry();
        var report = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var unknown = new List<double>();
            var registered = new List<double>();
            for (var i = 0; i < Tries; i++)
            {
                unknown.Add(await unknownTry());
                registered.Add(await registeredTry());
            }

            var a = unknown.Min();
            var b = registered.Min();
            report.Add($"unknown {a:0.0} ms / registered {b:0.0} ms (medians {Median(unknown):0.0} / {Median(registered):0.0})");
            output.WriteLine($"{what}: fastest of {Tries}: {report[^1]}");
            if (Math.Abs(a - b) <= Math.Max(15, Math.Max(a, b) * Tolerance))
            {
                return;
            }
        }

        Assert.Fail($"{what}: timing tells registered from unknown e-mails in every round: {string.Join("; ", report)}");
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
