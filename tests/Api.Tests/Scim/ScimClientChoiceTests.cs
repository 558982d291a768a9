using System.Net;

namespace Api.Tests.Scim;

/// <summary>
/// Which client (customer company) a provisioned user works for: the path
/// (/scim/v2/Clients/{clientId}/Users), the portal extension's clientId, or the enterprise
/// extension's organization (the client's name); a partner of several clients must say which.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ScimClientChoiceTests(SsoApiFactory api)
{
    [Fact]
    public async Task The_path_the_client_id_or_the_organization_chooses_the_client()
    {
        var world = await AdminWorld.CreateAsync(api.Services, clients: 3);
        using var scim = await ScimCaller.ForPartnerAsync(api, world);

        var byPath = await scim.PostAsync($"/scim/v2/Clients/{world.Clients[2].Id}/Users", $$"""{"userName":"{{ScimCaller.NewEmail()}}"}""");
        var byId = await scim.PostAsync("Users", $$"""{"userName":"{{ScimCaller.NewEmail()}}","urn:msp-portal:params:scim:schemas:extension:msp:2.0:User":{"clientId":"{{world.Clients[1].Id}}"} }""");
        var byName = await scim.PostAsync("Users", $$"""{"userName":"{{ScimCaller.NewEmail()}}","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"organization":"{{world.Clients[0].Name}}"} }""");

        Assert.Equal(world.Clients[2].Id, (await AdminCalls.EndUserAsync(api.Services, byPath.Id)).ClientId);
        Assert.EndsWith($"/scim/v2/Users/{byPath.Id}", byPath.Location);
        Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync($"/scim/v2/Clients/{world.Clients[2].Id}/Users/{byPath.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await scim.GetAsync($"/scim/v2/Clients/{world.Clients[0].Id}/Users/{byPath.Id}")).Status);
        Assert.Equal(world.Clients[1].Id, (await AdminCalls.EndUserAsync(api.Services, byId.Id)).ClientId);
        Assert.Equal(world.Clients[0].Id, (await AdminCalls.EndUserAsync(api.Services, byName.Id)).ClientId);

        var moved = await scim.PatchAsync($"Users/{byName.Id}", $$"""{"Operations":[{"op":"replace","path":"urn:msp-portal:params:scim:schemas:extension:msp:2.0:User:clientId","value":"{{world.Clients[2].Id}}"}]}""");
        Assert.Equal(HttpStatusCode.OK, moved.Status);
        Assert.Equal(world.Clients[2].Name, (string?)moved.Json!["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]!["organization"]);
    }

    [Fact]
    public async Task A_partner_of_several_clients_must_say_which_and_an_unknown_name_is_404()
    {
        var world = await AdminWorld.CreateAsync(api.Services, clients: 2);
        using var scim = await ScimCaller.ForPartnerAsync(api, world);

        var unsaid = await scim.PostAsync("Users", $$"""{"userName":"{{ScimCaller.NewEmail()}}"}""");
        var unknown = await scim.PostAsync("Users", $$"""{"userName":"{{ScimCaller.NewEmail()}}","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"organization":"Nobody Ltd"} }""");
        var notAnId = await scim.PostAsync("Users", $$"""{"userName":"{{ScimCaller.NewEmail()}}","urn:msp-portal:params:scim:schemas:extension:msp:2.0:User":{"clientId":"seven"} }""");

        Assert.Equal((HttpStatusCode.BadRequest, "invalidValue"), (unsaid.Status, unsaid.ScimType));
        Assert.Contains("Say which client", unsaid.Detail);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Contains("Nobody Ltd", unknown.Detail);
        Assert.Equal((HttpStatusCode.BadRequest, "invalidValue"), (notAnId.Status, notAnId.ScimType));
    }
}
