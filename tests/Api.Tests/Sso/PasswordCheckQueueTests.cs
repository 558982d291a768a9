using Api.Sso.Login;

namespace Api.Tests.Sso;

/// <summary>
/// Fifty people submitting their password at the same moment all get through, while at most one
/// hash check per core runs at a time: the others wait their turn instead of starving the rest
/// of the Api (its Redis answers, other users' requests) of CPU.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class PasswordCheckQueueTests(SsoApiFactory api)
{
    private const int Parallel = 50;

    [Fact]
    public async Task Fifty_parallel_password_steps_all_succeed_with_at_most_one_hash_check_per_core_at_a_time()
    {
        var users = new List<TestUser>();
        for (var i = 0; i < Parallel; i++)
        {
            users.Add(await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled));
        }

        var browsers = users.Select(_ => new SsoDriver(api)).ToList();
        try
        {
            foreach (var (browser, user) in browsers.Zip(users))
            {
                Assert.Equal("password", (await browser.StartAsync(user.Email)).Step);
            }

            var answers = await Task.WhenAll(browsers.Zip(users).Select(pair => pair.First.PasswordAsync(pair.Second.Password)));

            Assert.All(answers, answer => Assert.Equal("mfa", answer.Step));
            Assert.InRange(api.Hashing.MostChecksAtOnce, 1, PasswordCheckGate.Width);
        }
        finally
        {
            Journeys.DisposeAll(browsers);
        }
    }
}
