using Api.Tests.Infrastructure;
using Xunit.Abstractions;
namespace Api.Tests.Sso;
[Collection(SsoCollection.Name)]
public sealed class ZzProbe(SsoApiFactory api, ITestOutputHelper output)
{
    [Fact]
    public async Task Probe()
    {
        using var b = new SsoDriver(api);
        output.WriteLine((await b.PostRawAsync("/api/sso/login/start", "not json at all")).ToString());
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        await b.StartAsync(user.Email);
        var r = await b.PasswordAsync(new string('p', 1024 * 1024));
        output.WriteLine(r.ToString()[..Math.Min(2000, r.ToString().Length)]);
        output.WriteLine(await b.Http.GetStringAsync("/.well-known/openid-configuration"));
        var big = await b.PostRawAsync("/api/sso/login/start", "{\"email\":\"" + new string('a', 64 * 1024) + "@example.test\"}");
        output.WriteLine(big.ToString()[..Math.Min(2000, big.ToString().Length)]);
        var resp = await b.Http.GetAsync("/connect/authorize?response_type=code&client_id=portal-spa&scope=openid&redirect_uri=https%3A%2F%2Fevil.example%2Fportal%2Fcallback&code_challenge=abcdefghijabcdefghijabcdefghijabcdefghij123&code_challenge_method=S256&state=x");
        output.WriteLine($"{(int)resp.StatusCode} {resp.Headers.Location} {await resp.Content.ReadAsStringAsync()}");
    }
}
