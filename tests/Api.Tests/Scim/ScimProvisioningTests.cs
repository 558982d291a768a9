using System.Net;
using System.Text.Json.Nodes;
using Api.Audit;

namespace Api.Tests.Scim;

/// <summary>
/// The acceptance: a partner's identity provider provisions, updates, deactivates and
/// deletes end users through SCIM, and Manage Users and the audit log show each change, made by
/// the caller; another partner's provisioning client sees 404 for every one of these users.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ScimProvisioningTests(SsoApiFactory api)
{
    [Fact]
    public async Task Provisioned_updated_deactivated_and_deleted_users_show_in_manage_users_and_the_audit_log()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        using var scim = await ScimCaller.ForPartnerAsync(api, world);
        var admin = await world.StaffAsync();
        using var browser = new SsoDriver(api);
        var email = ScimCaller.NewEmail("ada");

        var created = await scim.PostAsync("Users", $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "userName":"{{email}}","externalId":"entra-ada","name":{"givenName":"Ada","familyName":"Lovelace"},
             "emails":[{"value":"{{email}}","type":"work","primary":true}],"active":true,
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"organization":"{{world.Clients[1].Name}}"} }
            """);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("application/scim+json", created.MediaType);
        var id = created.Id;
        Assert.EndsWith($"/scim/v2/Users/{id}", created.Location);
        Assert.Equal((string?)created.Json!["meta"]!["version"], created.ETag);
        var row = await admin.GetAsync(browser, $"/api/admin/end-users/{id}");
        Assert.Equal(HttpStatusCode.OK, row.Status);
        Assert.Equal("Ada Lovelace", (string?)row.Json!["user"]!["name"]);
        Assert.Equal(email, (string?)row.Json!["user"]!["email"]);
        Assert.Equal(world.Clients[1].Name, (string?)row.Json!["user"]!["clientName"]);
        // The same lifecycle as Add user: a client not on SSO mails the set-password link.
        Assert.Single(await Mailbox.WaitForAsync(api.Services, email, "set-password"));

        var renamed = await scim.PatchAsync($"Users/{id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"name.givenName","value":"Augusta Ada"}]}
            """);
        Assert.Equal(HttpStatusCode.OK, renamed.Status);
        Assert.Equal("Augusta Ada Lovelace", (string?)renamed.Json!["displayName"]);
        Assert.Equal("Augusta Ada Lovelace", (string?)(await admin.GetAsync(browser, $"/api/admin/end-users/{id}")).Json!["user"]!["name"]);

        var deactivated = await scim.PatchAsync($"Users/{id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"False"}]}
            """);
        Assert.Equal(HttpStatusCode.OK, deactivated.Status);
        Assert.False((bool)deactivated.Json!["active"]!);
        Assert.False((bool)(await admin.GetAsync(browser, $"/api/admin/end-users/{id}")).Json!["user"]!["enabled"]!);

        var deleted = await scim.DeleteAsync($"Users/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(browser, $"/api/admin/end-users/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await scim.GetAsync($"Users/{id}")).Status);

        var audit = await admin.GetAsync(browser, $"/api/admin/audit?targetId={id}&pageSize=50");
        var entries = audit.Json!["items"]!.AsArray().Select(e => ((string)e!["action"]!, (string)e["actorName"]!)).ToList();
        // The actor is the provisioning API client, by its name (not the admin who created it).
        var caller = entries.First().Item2;
        Assert.StartsWith("API client “Script ", caller);
        Assert.Equal(
            [AuditActions.EndUserCreated, AuditActions.EndUserEdited, AuditActions.EndUserDisabled, AuditActions.EndUserDeleted],
            entries.Select(e => e.Item1).Reverse());
        Assert.All(entries, e => Assert.Equal(caller, e.Item2));
    }

    [Fact]
    [Trait("ASVS", "4.2.1")]
    public async Task Another_partners_provisioning_client_gets_404_for_every_user_and_client_and_changes_nothing()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var other = await AdminWorld.CreateAsync(api.Services);
        using var scim = await ScimCaller.ForPartnerAsync(api, world);
        using var intruder = await ScimCaller.ForPartnerAsync(api, other);
        var email = ScimCaller.NewEmail("grace");
        var id = (await scim.PostAsync($"Clients/{world.Clients[0].Id}/Users", $$"""{"userName":"{{email}}","externalId":"okta-1","name":{"formatted":"Grace Hopper"} }""")).Id;
        const string patch = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}""";

        var answers = new[]
        {
            await intruder.GetAsync($"Users/{id}"),
            await intruder.PutAsync($"Users/{id}", $$"""{"userName":"{{email}}","active":false}"""),
            await intruder.PatchAsync($"Users/{id}", patch),
            await intruder.DeleteAsync($"Users/{id}"),
            await intruder.GetAsync($"Clients/{world.Clients[0].Id}/Users"),
            await intruder.PostAsync($"Clients/{world.Clients[0].Id}/Users", $$"""{"userName":"{{ScimCaller.NewEmail()}}"}"""),
            await intruder.PostAsync("Users", $$"""{"userName":"{{ScimCaller.NewEmail()}}","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"organization":"{{world.Clients[0].Name}}"} }"""),
            await intruder.PostAsync("Users", $$"""{"userName":"{{ScimCaller.NewEmail()}}","urn:msp-portal:params:scim:schemas:extension:msp:2.0:User":{"clientId":"{{world.Clients[0].Id}}"} }"""),
        };

        Assert.All(answers, a =>
        {
            Assert.True(a.Status == HttpStatusCode.NotFound, a.ToString());
            Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", (string?)a.Json!["schemas"]![0]);
            Assert.Equal("404", (string?)a.Json["status"]);
        });
        foreach (var filter in new[] { $"userName eq \"{email}\"", "externalId eq \"okta-1\"" })
        {
            var found = await intruder.GetAsync($"Users?filter={Uri.EscapeDataString(filter)}");
            Assert.Equal(0, (int)found.Json!["totalResults"]!);
        }

        var mine = await scim.GetAsync($"Users/{id}");
        Assert.True((bool)mine.Json!["active"]!);
        Assert.Equal("Grace Hopper", (string?)mine.Json["displayName"]);
        Assert.Single(await AdminCalls.AuditOfAsync(api.Services, id));
    }
}
