using System.Net;

namespace Api.Tests.Scim;

/// <summary>
/// The requests Microsoft Entra ID's provisioning service sends, in the shapes of its public
/// documentation ("Tutorial: Develop and plan provisioning for a SCIM endpoint"): the create body
/// with the enterprise extension, the GET by userName filter, PATCH with capitalised "Replace",
/// booleans as the strings "True"/"False", value-filtered e-mail paths, and no-path values.
/// The documentation's test users have a userName that is not an address; ours is the address.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ScimEntraShapeTests(SsoApiFactory api)
{
    private const string PatchOp = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";

    private static string CreateBody(string email, string externalId, string organization) => $$"""
        {
          "schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
          "externalId":"{{externalId}}",
          "userName":"{{email}}",
          "active":true,
          "emails":[{"primary":true,"type":"work","value":"{{email}}"}],
          "meta":{"resourceType":"User"},
          "name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},
          "roles":[],
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"100009","department":"Sales","organization":"{{organization}}"}
        }
        """;

    [Fact]
    public async Task Entra_finds_nobody_creates_the_user_then_finds_it_by_userName_and_by_external_id()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        using var scim = await ScimCaller.ForPartnerAsync(api, world);
        var email = ScimCaller.NewEmail("entra");
        var externalId = Guid.NewGuid().ToString();

        var none = await scim.GetAsync($"Users?filter=userName+eq+%22{Uri.EscapeDataString(email)}%22");
        Assert.Equal(HttpStatusCode.OK, none.Status);
        Assert.Equal(0, (int)none.Json!["totalResults"]!);
        Assert.Empty(none.Resources);

        var created = await scim.PostAsync("Users", CreateBody(email, externalId, world.Clients[1].Name));
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("givenName familyName", (string?)created.Json!["displayName"]);
        Assert.Equal(world.Clients[1].Id.ToString(), (string?)created.Json["urn:msp-portal:params:scim:schemas:extension:msp:2.0:User"]!["clientId"]);

        foreach (var filter in new[] { $"userName eq \"{email}\"", $"externalId eq \"{externalId}\"", $"emails[type eq \"work\"].value eq \"{email}\"" })
        {
            var found = await scim.GetAsync($"Users?filter={Uri.EscapeDataString(filter)}");
            Assert.Equal(created.Id.ToString(), (string?)Assert.Single(found.Resources)!["id"]);
        }

        // A second create of the same person (Entra's retry, or a re-run) is a conflict, never a second user.
        var again = await scim.PostAsync("Users", CreateBody(email, externalId, world.Clients[1].Name));
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal("uniqueness", again.ScimType);
        Assert.Equal("409", (string?)again.Json!["status"]);
    }

    [Fact]
    public async Task Entra_patches_with_capitalised_ops_string_booleans_and_value_filtered_paths()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        using var scim = await ScimCaller.ForPartnerAsync(api, world);
        var id = (await scim.PostAsync("Users", CreateBody(ScimCaller.NewEmail("entra"), Guid.NewGuid().ToString(), world.Clients[0].Name))).Id;
        var updatedEmail = ScimCaller.NewEmail("updated");

        var multi = await scim.PatchAsync($"Users/{id}", $$"""
            { {{PatchOp}}, "Operations":[
              {"op":"Replace","path":"emails[type eq \"work\"].value","value":"{{updatedEmail}}"},
              {"op":"Replace","path":"name.familyName","value":"updatedFamilyName"}] }
            """);
        Assert.Equal(HttpStatusCode.OK, multi.Status);
        Assert.Equal(updatedEmail, (string?)multi.Json!["userName"]);
        Assert.Equal("givenName updatedFamilyName", (string?)multi.Json["displayName"]);

        var disabled = await scim.PatchAsync($"Users/{id}", $$"""{ {{PatchOp}}, "Operations":[{"op":"Replace","path":"active","value":"False"}] }""");
        Assert.False((bool)disabled.Json!["active"]!);
        Assert.False((await AdminCalls.EndUserAsync(api.Services, id)).Enabled);

        var enabled = await scim.PatchAsync($"Users/{id}", $$"""{ {{PatchOp}}, "Operations":[{"op":"Replace","value":{"active":"True"} }] }""");
        Assert.True((bool)enabled.Json!["active"]!);

        var moved = await scim.PatchAsync($"Users/{id}", $$"""
            { {{PatchOp}}, "Operations":[{"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization","value":"{{world.Clients[1].Name}}"}] }
            """);
        Assert.Equal(world.Clients[1].Name, (string?)moved.Json!["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]!["organization"]);
        Assert.Equal(world.Clients[1].Id, (await AdminCalls.EndUserAsync(api.Services, id)).ClientId);

        var notBoolean = await scim.PatchAsync($"Users/{id}", $$"""{ {{PatchOp}}, "Operations":[{"op":"Replace","path":"active","value":"maybe"}] }""");
        Assert.Equal(HttpStatusCode.BadRequest, notBoolean.Status);
        Assert.Equal("invalidValue", notBoolean.ScimType);
        Assert.True((await AdminCalls.EndUserAsync(api.Services, id)).Enabled);
    }

    [Fact]
    public async Task Entra_patches_without_a_path_with_attribute_paths_as_keys_and_adds_an_external_id()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        using var scim = await ScimCaller.ForPartnerAsync(api, world);
        var email = ScimCaller.NewEmail("entra");
        var id = (await scim.PostAsync("Users", $$"""{"userName":"{{email}}","displayName":"Old Name","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"organization":"{{world.Clients[0].Name}}"} }""")).Id;

        var patched = await scim.PatchAsync($"Users/{id}", $$"""
            { {{PatchOp}}, "Operations":[
              {"op":"Replace","value":{"name.givenName":"New","name.familyName":"Person","active":"True"} },
              {"op":"Add","path":"externalId","value":"entra-object-id"}] }
            """);

        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.Equal("New Person", (string?)patched.Json!["displayName"]);
        Assert.Equal("entra-object-id", (string?)patched.Json["externalId"]);
        var found = await scim.GetAsync($"Users?filter={Uri.EscapeDataString("externalId eq \"entra-object-id\"")}");
        Assert.Equal(id.ToString(), (string?)Assert.Single(found.Resources)!["id"]);
        var audit = Assert.Single(await AdminCalls.AuditOfAsync(api.Services, id, Api.Audit.AuditActions.EndUserEdited));
        Assert.Contains("entra-object-id", audit.After);
    }

    [Fact]
    public async Task Entra_deletes_the_user_like_manage_users_does()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        using var scim = await ScimCaller.ForPartnerAsync(api, world);
        var id = (await scim.PostAsync("Users", CreateBody(ScimCaller.NewEmail("entra"), Guid.NewGuid().ToString(), world.Clients[0].Name))).Id;

        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"Users/{id}")).Status);
        Assert.True((await AdminCalls.EndUserAsync(api.Services, id)).Deleted);
        Assert.Equal(HttpStatusCode.NotFound, (await scim.DeleteAsync($"Users/{id}")).Status);
    }
}
