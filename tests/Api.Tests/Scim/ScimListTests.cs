using System.Net;
using Api.Data;
using Api.Portal;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Scim;

/// <summary>
/// GET /Users at a few hundred users: paging with startIndex and count walks every user once in
/// userName order, totalResults counts the matches, count is capped, and and / or filters give
/// exactly the users they describe; /Clients/{clientId}/Users lists that client's alone.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ScimListTests(SsoApiFactory api)
{
    private const int Users = 300;

    [Fact]
    public async Task Paging_walks_every_user_once_in_userName_order()
    {
        var (world, emails) = await SeedAsync();
        using var scim = await ScimCaller.ForPartnerAsync(api, world);

        var seen = new List<string>();
        for (var start = 1; start <= Users; start += 70)
        {
            var page = await scim.GetAsync($"Users?startIndex={start}&count=70");
            Assert.Equal(Users, (int)page.Json!["totalResults"]!);
            Assert.Equal(start, (int)page.Json["startIndex"]!);
            Assert.Equal(Math.Min(70, Users - start + 1), (int)page.Json["itemsPerPage"]!);
            seen.AddRange(page.Resources.Select(r => (string)r!["userName"]!));
        }

        Assert.Equal(emails.Order(StringComparer.Ordinal), seen);

        var capped = await scim.GetAsync("Users?count=5000");
        Assert.Equal(200, (int)capped.Json!["itemsPerPage"]!);
        var beyond = await scim.GetAsync("Users?startIndex=301&count=10");
        Assert.Equal((Users, 0), ((int)beyond.Json!["totalResults"]!, beyond.Resources.Count));
        var countOnly = await scim.GetAsync("Users?count=0");
        Assert.Equal((Users, 0), ((int)countOnly.Json!["totalResults"]!, countOnly.Resources.Count));
        var fromZero = await scim.GetAsync("Users?startIndex=0&count=1");
        Assert.Equal(1, (int)fromZero.Json!["startIndex"]!);
        var notANumber = await scim.GetAsync("Users?startIndex=first");
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.Status);
        Assert.Equal("invalidValue", notANumber.ScimType);
    }

    [Fact]
    public async Task And_or_filters_and_a_clients_path_give_exactly_their_users()
    {
        var (world, emails) = await SeedAsync();
        using var scim = await ScimCaller.ForPartnerAsync(api, world);
        async Task<List<string>> MatchesAsync(string filter, string path = "Users")
        {
            var answer = await scim.GetAsync($"{path}?filter={Uri.EscapeDataString(filter)}&count=200");
            Assert.True(answer.Status == HttpStatusCode.OK, $"{filter}: {answer}");
            Assert.Equal(answer.Resources.Count, (int)answer.Json!["totalResults"]!);
            return [.. answer.Resources.Select(r => (string)r!["userName"]!).Order(StringComparer.Ordinal)];
        }

        // User i: disabled when i % 3 == 0, externalId "ext-i" when even, client 1 when i % 2 == 1.
        Assert.Equal(100, (await MatchesAsync("active eq false")).Count);
        Assert.Equal([emails[6]], await MatchesAsync("externalId eq \"ext-6\" and active eq false"));
        Assert.Empty(await MatchesAsync("externalId eq \"ext-8\" and active eq false"));
        Assert.Equal(new[] { emails[7], emails[8] }.Order(StringComparer.Ordinal), await MatchesAsync($"userName eq \"{emails[7]}\" or emails.value eq \"{emails[8]}\""));
        Assert.Equal([emails[9]], await MatchesAsync($"active eq false and (userName eq \"{emails[9]}\" or userName eq \"{emails[10]}\")"));
        Assert.Equal([emails[11]], await MatchesAsync($"emails[type eq \"work\" and value eq \"{emails[11]}\"]"));
        Assert.Empty(await MatchesAsync($"emails[type eq \"home\"].value eq \"{emails[11]}\""));
        Assert.Equal(Users / 2, (await MatchesAsync("active eq true or active eq false", $"Clients/{world.Clients[1].Id}/Users")).Count);
        Assert.Empty(await MatchesAsync($"userName eq \"{emails[2]}\"", $"Clients/{world.Clients[1].Id}/Users"));
    }

    /// <summary>A partner with <see cref="Users"/> end users written straight to the table (the list reads, it does not provision).</summary>
    private async Task<(AdminWorld World, List<string> Emails)> SeedAsync()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var emails = Enumerable.Range(0, Users).Select(i => $"u{(i * 7919) % 1000:D3}-{i}-{tag}@scim-list.example").ToList();
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.EndUsers.AddRange(emails.Select((email, i) => new EndUser
        {
            ClientId = world.Clients[i % 2].Id,
            Email = email,
            DisplayName = $"User {i}",
            Enabled = i % 3 != 0,
            ExternalId = i % 2 == 0 ? $"ext-{i}" : null,
        }));
        await db.SaveChangesAsync();
        return (world, emails);
    }
}
