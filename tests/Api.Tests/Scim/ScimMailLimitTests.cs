using System.Net;
using Api.Admin.MailLimits;
using Api.Data;
using Api.Tests.Security.Limits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Scim;

/// <summary>
/// Each SCIM create sends the new user an e-mail, from the partner's hourly budget like Manage
/// Users' Add (ASVS 11.1.4): an identity provider cannot make us mail more. Past the budget a
/// create answers 429 (a SCIM error with Retry-After, which Entra ID and Okta retry after) and
/// writes nothing; of fifty parallel creates, exactly the budget's rest go through.
/// </summary>
[Collection(LimitsCollection.Name)]
public sealed class ScimMailLimitTests(LimitsApiFactory api)
{
    [Fact]
    [Trait("ASVS", "11.1.4")]
    public async Task Fifty_parallel_creates_past_the_partners_budget_make_exactly_its_rest_and_the_others_wait()
    {
        var world = await AdminWorld.CreateAsync(api.Services, clients: 1);
        using var scim = await ScimCaller.ForPartnerAsync(api, world);
        var limit = new AdminMailLimitOptions().PerPartnerPerHour;
        const int Rest = 7;
        await api.SpendAsync(AdminMailBudget.PartnerKey(world.Partner.Id), limit, TimeSpan.FromHours(1), limit - Rest);
        var emails = Enumerable.Range(0, 50).Select(i => ScimCaller.NewEmail($"budget{i}")).ToList();

        var answers = await Task.WhenAll(emails.Select(e => scim.PostAsync("Users", $$"""{"userName":"{{e}}","displayName":"Budget User"}""")));

        Assert.Equal(Rest, answers.Count(a => a.Status == HttpStatusCode.Created));
        var refused = answers.Where(a => a.Status != HttpStatusCode.Created).ToList();
        Assert.All(refused, a =>
        {
            Assert.True(a.Status == HttpStatusCode.TooManyRequests, a.ToString());
            Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", (string?)a.Json!["schemas"]![0]);
            Assert.Equal("429", (string?)a.Json["status"]);
            Assert.True(a.RetryAfter > TimeSpan.Zero, a.ToString());
        });
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(Rest, await db.EndUsers.CountAsync(u => emails.Contains(u.Email)));
    }
}
