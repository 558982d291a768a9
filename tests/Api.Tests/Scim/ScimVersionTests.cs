using System.Net;

namespace Api.Tests.Scim;

/// <summary>
/// ETags (RFC 7644 §3.14): meta.version is the ETag header; a GET with If-None-Match of the
/// current version answers 304; a PUT, PATCH or DELETE whose If-Match is stale answers 412 and
/// changes nothing; a change made in Manage Users gives the user a new version too.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ScimVersionTests(SsoApiFactory api)
{
    private const string Deactivate = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}""";

    [Fact]
    public async Task A_stale_if_match_is_refused_with_412_and_a_current_one_goes_through()
    {
        var world = await AdminWorld.CreateAsync(api.Services, clients: 1);
        using var scim = await ScimCaller.ForPartnerAsync(api, world);
        var email = ScimCaller.NewEmail();
        var created = await scim.PostAsync("Users", $$"""{"userName":"{{email}}","displayName":"First Name"}""");
        var renamed = await scim.PatchAsync($"Users/{created.Id}", """{"Operations":[{"op":"replace","path":"displayName","value":"Second Name"}]}""");
        Assert.NotEqual(created.ETag, renamed.ETag);
        void Stale(HttpRequestMessage r) => r.Headers.TryAddWithoutValidation("If-Match", created.ETag);

        var answers = new[]
        {
            await scim.PatchAsync($"Users/{created.Id}", Deactivate, Stale),
            await scim.PutAsync($"Users/{created.Id}", $$"""{"userName":"{{email}}","active":false}""", Stale),
            await scim.DeleteAsync($"Users/{created.Id}", Stale),
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.PreconditionFailed, a.Status));
        Assert.Contains("Read it again", answers[0].Detail);
        var user = await AdminCalls.EndUserAsync(api.Services, created.Id);
        Assert.True(user is { Enabled: true, Deleted: false, DisplayName: "Second Name" });

        var current = await scim.PatchAsync($"Users/{created.Id}", Deactivate, r => r.Headers.TryAddWithoutValidation("If-Match", renamed.ETag));
        Assert.Equal(HttpStatusCode.OK, current.Status);
        var any = await scim.DeleteAsync($"Users/{created.Id}", r => r.Headers.TryAddWithoutValidation("If-Match", "*"));
        Assert.Equal(HttpStatusCode.NoContent, any.Status);
    }

    [Fact]
    public async Task If_none_match_answers_304_until_manage_users_changes_the_user()
    {
        var world = await AdminWorld.CreateAsync(api.Services, clients: 1);
        using var scim = await ScimCaller.ForPartnerAsync(api, world);
        var admin = await world.StaffAsync();
        using var browser = new SsoDriver(api);
        var created = await scim.PostAsync("Users", $$"""{"userName":"{{ScimCaller.NewEmail()}}","displayName":"Kept Name"}""");
        void Cached(HttpRequestMessage r) => r.Headers.TryAddWithoutValidation("If-None-Match", created.ETag);

        var unchanged = await scim.GetAsync($"Users/{created.Id}", Cached);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.Status);
        Assert.Equal(created.ETag, unchanged.ETag);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync(browser, $"/api/admin/end-users/{created.Id}/disable")).Status);
        var changed = await scim.GetAsync($"Users/{created.Id}", Cached);
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.False((bool)changed.Json!["active"]!);
        Assert.NotEqual(created.ETag, changed.ETag);
        Assert.Equal(changed.ETag, (string?)changed.Json["meta"]!["version"]);
    }
}
