using System.Net;
using Api.Shared;

namespace Api.Tests.Scim;

/// <summary>
/// An address a partner's identity provider sends is a claim, never proof (docs/SECURITY.md, "Who
/// owns an account"), exactly as when it is typed in Manage Users: provisioning a platform
/// operator's address makes a row waiting for the account's owner and changes nothing on the
/// account; deactivating and deleting that row leave the account signing in. A client on single
/// sign-on gets a partner-managed account and the activation e-mail, as Add user does.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ScimOwnershipTests(SsoApiFactory api)
{
    [Fact]
    [Trait("ASVS", "4.2.1")]
    public async Task Provisioning_someone_elses_address_asks_its_owner_and_leaves_the_account_alone()
    {
        var world = await AdminWorld.CreateAsync(api.Services, clients: 1);
        using var scim = await ScimCaller.ForPartnerAsync(api, world);
        var owner = await PlatformAccounts.CreateAsync(api.Services, "operator", [ProductRoles.PlatformOperator]);
        var before = await AccountSnapshot.TakeAsync(api, owner.AccountId!);

        var created = await scim.PostAsync("Users", $$"""{"userName":"{{owner.Email}}","displayName":"Claimed Person","active":true}""");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var portal = created.Json!["urn:msp-portal:params:scim:schemas:extension:msp:2.0:User"]!;
        Assert.True((bool)portal["awaitingAccountOwner"]!);
        Assert.False((bool)portal["migratedToSso"]!);
        Assert.Single(await Mailbox.WaitForAsync(api.Services, owner.Email, "access-request"));

        var deactivated = await scim.PatchAsync($"Users/{created.Id}", """{"Operations":[{"op":"Replace","path":"active","value":"False"}]}""");
        Assert.Equal(HttpStatusCode.OK, deactivated.Status);
        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"Users/{created.Id}")).Status);

        Assert.Equal(before, await AccountSnapshot.TakeAsync(api, owner.AccountId!));
        await AccountSnapshot.AssertOwnerSignsInAsync(api, owner);
    }

    [Fact]
    public async Task A_user_of_a_client_on_sso_gets_a_partner_managed_account_and_the_activation_email()
    {
        var world = await AdminWorld.CreateAsync(api.Services, clients: 1);
        await AdminCalls.MigrateClientAsync(api.Services, world.Clients[0]);
        using var scim = await ScimCaller.ForPartnerAsync(api, world);
        var email = ScimCaller.NewEmail("sso");

        var created = await scim.PostAsync("Users", $$"""{"userName":"{{email}}","name":{"givenName":"Sso","familyName":"User"} }""");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.True((bool)created.Json!["urn:msp-portal:params:scim:schemas:extension:msp:2.0:User"]!["migratedToSso"]!);
        Assert.Single(await Mailbox.WaitForAsync(api.Services, email, "activation"));
        Assert.Empty(await Mailbox.MessagesAsync(api.Services, email, "set-password"));

        var moved = await scim.PatchAsync($"Users/{created.Id}", $$"""{"Operations":[{"op":"replace","path":"userName","value":"{{ScimCaller.NewEmail("moved")}}"}]}""");
        Assert.Equal(HttpStatusCode.OK, moved.Status);
        Assert.True((await AdminCalls.EndUserAsync(api.Services, created.Id)).MigratedToSso);
    }
}
