using System.Net;

namespace Api.Tests.Scim;

/// <summary>
/// The requests Okta's SCIM 2.0 provisioning sends, in the shapes of its SCIM 2.0 guide: the
/// lookup by userName with startIndex and count, the create body (with a password, which SCIM never
/// sets: the user gets the portal's own set-password e-mail), and the deactivation by PUT.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ScimOktaShapeTests(SsoApiFactory api)
{
    private static string User(string email, bool active) => $$"""
        {
          "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
          "userName":"{{email}}",
          "name":{"givenName":"Test","familyName":"User"},
          "emails":[{"primary":true,"value":"{{email}}","type":"work"}],
          "displayName":"Test User",
          "locale":"en-US",
          "externalId":"00ujl29u0le5T6Aj10h7",
          "groups":[],
          "password":"1mz050nq",
          "active":{{(active ? "true" : "false")}}
        }
        """;

    [Fact]
    [Trait("ASVS", "4.1.2")]
    public async Task Okta_looks_up_creates_reads_and_deactivates_by_put()
    {
        var world = await AdminWorld.CreateAsync(api.Services, clients: 1);
        using var scim = await ScimCaller.ForPartnerAsync(api, world);
        var email = ScimCaller.NewEmail("test.user");

        var lookup = await scim.GetAsync($"Users?filter=userName%20eq%20%22{Uri.EscapeDataString(email)}%22&startIndex=1&count=100");
        Assert.Equal(HttpStatusCode.OK, lookup.Status);
        Assert.Equal(0, (int)lookup.Json!["totalResults"]!);
        Assert.Equal(1, (int)lookup.Json["startIndex"]!);
        Assert.Equal(0, (int)lookup.Json["itemsPerPage"]!);

        var created = await scim.PostAsync("Users", User(email, active: true));
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("Test User", (string?)created.Json!["displayName"]);
        Assert.Null(created.Json["password"]);
        // The password Okta sent is not the user's: they set their own from the portal's e-mail.
        Assert.Single(await Mailbox.WaitForAsync(api.Services, email, "set-password"));
        Assert.Null((await AdminCalls.EndUserAsync(api.Services, created.Id)).LegacyPasswordHash);

        var read = await scim.GetAsync($"Users/{created.Id}");
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(created.ETag, read.ETag);

        var deactivated = await scim.PutAsync($"Users/{created.Id}", User(email, active: false));
        Assert.Equal(HttpStatusCode.OK, deactivated.Status);
        Assert.False((bool)deactivated.Json!["active"]!);
        Assert.False((await AdminCalls.EndUserAsync(api.Services, created.Id)).Enabled);
        var found = await scim.GetAsync($"Users?filter={Uri.EscapeDataString($"userName eq \"{email}\" and active eq false")}&startIndex=1&count=100");
        Assert.Equal(1, (int)found.Json!["totalResults"]!);
    }

    [Fact]
    public async Task Okta_deactivates_by_patch_without_a_path()
    {
        var world = await AdminWorld.CreateAsync(api.Services, clients: 1);
        using var scim = await ScimCaller.ForPartnerAsync(api, world);
        var id = (await scim.PostAsync("Users", User(ScimCaller.NewEmail("test.user"), active: true))).Id;

        var patched = await scim.PatchAsync($"Users/{id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false} }]}
            """);

        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.False((await AdminCalls.EndUserAsync(api.Services, id)).Enabled);
    }
}
