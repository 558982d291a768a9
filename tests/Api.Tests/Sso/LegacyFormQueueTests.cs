using System.Net;
using Api.Sso.Login;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Sso;

/// <summary>
/// The portal's own (legacy) login form checks its passwords in the same turns as the SSO's
/// password step: fifty people logging in at the same moment all get their answer, while the
/// gate never lets more hash checks run at once than it has turns (one per core).
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class LegacyFormQueueTests(SsoApiFactory api)
{
    private const int RightPasswords = 30;
    private const int WrongPasswords = 10;
    private const int UnknownEmails = 10;

    [Fact]
    public async Task Fifty_parallel_legacy_logins_are_all_answered_through_the_password_check_gate()
    {
        var users = new List<TestUser>();
        for (var i = 0; i < RightPasswords + WrongPasswords; i++)
        {
            users.Add(await SsoUsers.CreateAsync(api.Services, SsoUserState.Legacy));
        }

        var attempts = users.Take(RightPasswords).Select(u => (u.Email, u.Password, Right: true))
            .Concat(users.Skip(RightPasswords).Select(u => (u.Email, Password: "not-the-password", Right: false)))
            .Concat(Enumerable.Range(0, UnknownEmails).Select(_ => (Email: SsoUsers.UnknownEmail(), Password: "not-the-password", Right: false)))
            .ToList();
        var browsers = attempts.Select(_ => new SsoDriver(api)).ToList();
        var gate = api.Services.GetRequiredService<PasswordCheckGate>();
        var checksBefore = gate.Completed;
        try
        {
            var answers = await Task.WhenAll(browsers.Zip(attempts).Select(pair => pair.First.LegacyLoginAsync(pair.Second.Email, pair.Second.Password)));

            foreach (var (answer, attempt) in answers.Zip(attempts))
            {
                if (attempt.Right)
                {
                    Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
                    Assert.Equal("/portal", answer.RedirectUrl);
                    Assert.Contains(answer.SetCookies, c => c.StartsWith("__Host-sso=", StringComparison.Ordinal));
                }
                else
                {
                    Assert.True(answer.Status == HttpStatusCode.BadRequest, answer.ToString());
                    Assert.Equal(Journeys.WrongCredentials, answer.Detail);
                }
            }

            // A right password in the original portal format is checked, then stored anew in the
            // current algorithm (a second hash, in its own turn); every other answer is one check.
            Assert.Equal(checksBefore + (2 * RightPasswords) + WrongPasswords + UnknownEmails, gate.Completed);
            Assert.InRange(gate.MostAtOnce, 1, PasswordCheckGate.Width);
        }
        finally
        {
            Journeys.DisposeAll(browsers);
        }
    }
}
