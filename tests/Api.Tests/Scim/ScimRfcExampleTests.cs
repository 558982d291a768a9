using System.Net;

namespace Api.Tests.Scim;

/// <summary>
/// RFC 7644's own example requests, as its sections write them. Where the RFC's userName is
/// "bjensen", ours is an address ("bjensen@…"): end users sign in with their e-mail, so userName is it.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ScimRfcExampleTests(SsoApiFactory api)
{
    private static string Bjensen(string email) => $$"""
        {
          "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
          "userName":"{{email}}",
          "externalId":"bjensen",
          "name":{
            "formatted":"Ms. Barbara J Jensen III",
            "familyName":"Jensen",
            "givenName":"Barbara"
          }
        }
        """;

    [Fact]
    public async Task Section_3_3_creates_the_user_and_answers_201_with_its_resource_location_and_version()
    {
        var world = await AdminWorld.CreateAsync(api.Services, clients: 1);
        using var scim = await ScimCaller.ForPartnerAsync(api, world);
        var email = ScimCaller.NewEmail("bjensen");

        var created = await scim.PostAsync("Users", Bjensen(email));

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("application/scim+json", created.MediaType);
        var json = created.Json!;
        Assert.Equal(email, (string?)json["userName"]);
        Assert.Equal("bjensen", (string?)json["externalId"]);
        Assert.Equal("Ms. Barbara J Jensen III", (string?)json["displayName"]);
        Assert.Equal("Ms. Barbara J Jensen III", (string?)json["name"]!["formatted"]);
        Assert.True((bool)json["active"]!);
        Assert.Equal("User", (string?)json["meta"]!["resourceType"]);
        Assert.Equal(created.Location, (string?)json["meta"]!["location"]);
        Assert.StartsWith("W/\"", created.ETag);
        Assert.Equal(world.Clients[0].Name, (string?)json["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]!["organization"]);
    }

    [Fact]
    public async Task Section_3_4_2_filters_by_userName_with_or_without_the_schema_and_refuses_operators_it_does_not_support()
    {
        var world = await AdminWorld.CreateAsync(api.Services, clients: 1);
        using var scim = await ScimCaller.ForPartnerAsync(api, world);
        var email = ScimCaller.NewEmail("bjensen");
        var id = (await scim.PostAsync("Users", Bjensen(email))).Id;

        foreach (var filter in new[] { $"userName eq \"{email}\"", $"userName Eq \"{email.ToUpperInvariant()}\"", $"urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"{email}\"" })
        {
            var found = await scim.GetAsync($"Users?filter={Uri.EscapeDataString(filter)}");
            Assert.Equal(1, (int)found.Json!["totalResults"]!);
            Assert.Equal(id.ToString(), (string?)found.Resources[0]!["id"]);
            Assert.Equal("urn:ietf:params:scim:api:messages:2.0:ListResponse", (string?)found.Json["schemas"]![0]);
        }

        foreach (var filter in new[] { "name.familyName co \"O'Malley\"", "userName sw \"J\"", "title pr", "meta.lastModified gt \"2011-05-13T04:42:34Z\"", "userType eq \"Employee\"", "not (active eq true)", "userName eq bjensen" })
        {
            var refused = await scim.GetAsync($"Users?filter={Uri.EscapeDataString(filter)}");
            Assert.True(refused.Status == HttpStatusCode.BadRequest, $"{filter}: {refused}");
            Assert.Equal("invalidFilter", refused.ScimType);
            Assert.EndsWith(".", refused.Detail);
        }
    }

    [Fact]
    public async Task Section_3_5_1_replaces_the_user_with_the_version_it_read()
    {
        var world = await AdminWorld.CreateAsync(api.Services, clients: 1);
        using var scim = await ScimCaller.ForPartnerAsync(api, world);
        var email = ScimCaller.NewEmail("bjensen");
        var created = await scim.PostAsync("Users", Bjensen(email));

        var replaced = await scim.PutAsync($"Users/{created.Id}", $$"""
            {
              "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
              "id":"{{created.Id}}",
              "userName":"{{email}}",
              "externalId":"bjensen",
              "name":{
                "formatted":"Ms. Barbara J Jensen III",
                "familyName":"Jensen",
                "givenName":"Barbara",
                "middleName":"Jane"
              },
              "roles":[],
              "emails":[
                {
                  "value":"{{email}}"
                },
                {
                  "value":"babs@jensen.org"
                }
              ]
            }
            """, r => r.Headers.TryAddWithoutValidation("If-Match", created.ETag));

        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal(email, (string?)replaced.Json!["userName"]);
        Assert.Single(await AdminCalls.AuditOfAsync(api.Services, created.Id));
    }

    [Fact]
    public async Task Section_3_5_2_add_replace_and_remove_change_what_the_portal_keeps_and_ignore_the_rest()
    {
        var world = await AdminWorld.CreateAsync(api.Services, clients: 1);
        using var scim = await ScimCaller.ForPartnerAsync(api, world);
        var email = ScimCaller.NewEmail("bjensen");
        var id = (await scim.PostAsync("Users", Bjensen(email))).Id;
        const string patchOp = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";

        // §3.5.2.1: add without a path: a home address and a nickname, neither of which the portal keeps.
        var added = await scim.PatchAsync($"Users/{id}", $$"""
            { {{patchOp}}, "Operations":[{"op":"add","value":{"emails":[{"value":"babs@jensen.org","type":"home"}],"nickname":"Babs"} }] }
            """);
        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Equal(email, (string?)added.Json!["userName"]);

        // §3.5.2.3: replace without a path, and with a value-filtered path.
        var newEmail = ScimCaller.NewEmail("babs");
        var replaced = await scim.PatchAsync($"Users/{id}", $$"""
            { {{patchOp}}, "Operations":[
              {"op":"replace","value":{"emails":[{"value":"{{newEmail}}","type":"work","primary":true}],"nickname":"Babs"} },
              {"op":"replace","path":"addresses[type eq \"work\"].streetAddress","value":"1010 Broadway Ave"}] }
            """);
        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal(newEmail, (string?)replaced.Json!["userName"]);
        Assert.Equal(newEmail, (await AdminCalls.EndUserAsync(api.Services, id)).Email);

        // §3.5.2.2: remove with a path: the externalId goes; a filter matching nothing is noTarget.
        var removed = await scim.PatchAsync($"Users/{id}", $$"""{ {{patchOp}}, "Operations":[{"op":"remove","path":"externalId"}] }""");
        Assert.Equal(HttpStatusCode.OK, removed.Status);
        Assert.Null(removed.Json!["externalId"]);
        var noTarget = await scim.PatchAsync($"Users/{id}", $$"""{ {{patchOp}}, "Operations":[{"op":"remove","path":"emails[type eq \"home\"]"}] }""");
        Assert.Equal(HttpStatusCode.BadRequest, noTarget.Status);
        Assert.Equal("noTarget", noTarget.ScimType);

        var readOnly = await scim.PatchAsync($"Users/{id}", $$"""{ {{patchOp}}, "Operations":[{"op":"replace","path":"id","value":"x"}] }""");
        Assert.Equal("mutability", readOnly.ScimType);
        var badOp = await scim.PatchAsync($"Users/{id}", $$"""{ {{patchOp}}, "Operations":[{"op":"move","path":"active"}] }""");
        Assert.Equal("invalidSyntax", badOp.ScimType);
    }
}
