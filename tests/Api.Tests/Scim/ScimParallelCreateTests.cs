using System.Net;
using Api.Audit;
using Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Scim;

/// <summary>
/// Idempotent creates: an identity provider that sends the same create fifty times at once (its
/// retries, two provisioning jobs) makes one user, one audit entry and one e-mail; every other
/// answer is 409 uniqueness, after which it finds the user by filter, as Entra ID and Okta do.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ScimParallelCreateTests(SsoApiFactory api)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Fifty_parallel_identical_creates_make_one_user(bool withExternalId)
    {
        var world = await AdminWorld.CreateAsync(api.Services, clients: 1);
        using var scim = await ScimCaller.ForPartnerAsync(api, world);
        var email = ScimCaller.NewEmail("parallel");
        var externalId = withExternalId ? $",\"externalId\":\"{Guid.NewGuid()}\"" : "";
        var body = $$"""{"userName":"{{email}}","name":{"givenName":"Par","familyName":"Allel"}{{externalId}} }""";

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => scim.PostAsync("Users", body)));

        var created = Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a != created), a =>
        {
            Assert.True(a.Status == HttpStatusCode.Conflict, a.ToString());
            Assert.Equal("uniqueness", a.ScimType);
        });
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.EndUsers.CountAsync(u => u.Email == email));
        Assert.Single(await AdminCalls.AuditOfAsync(api.Services, created.Id, AuditActions.EndUserCreated));
        Assert.Single(await Mailbox.WaitForAsync(api.Services, email, "set-password"));
        var found = await scim.GetAsync($"Users?filter={Uri.EscapeDataString($"userName eq \"{email}\"")}");
        Assert.Equal(created.Id.ToString(), (string?)Assert.Single(found.Resources)!["id"]);
    }
}
