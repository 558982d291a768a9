using System.Net;
using Api.Sso.Login;
using Api.Sso.Throttling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Api.Tests.Sso;

/// <summary>Starting sign-ins is limited per client network, atomically, with a 429 that says when to come back.</summary>
[Collection(SsoCollection.Name)]
public sealed class LoginStartLimitTests(SsoApiFactory api)
{
    [Fact]
    [Trait("ASVS", "2.2.1")]
    public async Task Fifty_parallel_starts_over_the_limit_from_one_ipv6_64_get_exactly_the_limit_through()
    {
        var limits = api.Services.GetRequiredService<IOptions<RequestLimitOptions>>().Value;
        // Every request from another host of the same /64: an IPv6 client owns the whole prefix.
        var network = SsoDriver.NewClientIp().Replace("::1", "", StringComparison.Ordinal);
        var browsers = Enumerable.Range(1, limits.LoginStartsPerIp + 50).Select(i => new SsoDriver(api, $"{network}::{i:x}")).ToList();
        try
        {
            var answers = await Task.WhenAll(browsers.Select(browser => browser.StartAsync(SsoUsers.UnknownEmail())));

            Assert.Equal(limits.LoginStartsPerIp, answers.Count(a => a.Status == HttpStatusCode.OK));
            var refused = answers.Where(a => a.Status != HttpStatusCode.OK).ToList();
            Assert.Equal(50, refused.Count);
            Assert.All(refused, answer =>
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, answer.Status);
                Assert.True(answer.IsProblem, answer.ToString());
                Assert.Equal(StartLogin.TooManyStarts, answer.Detail);
                Assert.Equal(limits.LoginStartWindow, answer.Raw.Headers.RetryAfter?.Delta);
            });

            // Another network is not held back.
            using var elsewhere = new SsoDriver(api);
            Assert.Equal(HttpStatusCode.OK, (await elsewhere.StartAsync(SsoUsers.UnknownEmail())).Status);
        }
        finally
        {
            browsers.ForEach(browser => browser.Dispose());
        }
    }

    [Fact]
    public void The_default_limit_leaves_room_for_an_office_behind_one_address()
    {
        var limits = new RequestLimitOptions();

        Assert.True(limits.LoginStartsPerIp >= 100 && limits.LoginStartWindow <= TimeSpan.FromMinutes(1));
    }
}
