using System.Net;
using Api.Development;
using Api.Portal;
using Api.Tests.Admin;
using Api.Tests.Sso;

namespace Api.Tests.Portal.Devices;

/// <summary>
/// The development accounts README.md lists for the portal, signed in through the real SSO (or the
/// legacy form): the ticket journeys' users find their devices online and offline and no ticket,
/// the client manager the whole client with its shared server, emma.chen her answered ticket on her
/// laptop's page, and Contoso's users the partner's colour, logo and support contact.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class PortalDevelopmentDataTests(SsoApiFactory api)
{
    [Fact]
    public async Task Tina_finds_her_laptop_online_her_phone_offline_and_no_ticket()
    {
        var tina = await SignInAsync("tina.tickets@northwind.test");
        using var browser = new SsoDriver(api);

        var devices = await tina.GetAsync(browser, "/api/portal/devices");

        Assert.Equal([("TINA-LAPTOP", true), ("TINA-PHONE", false)], DeviceOnlineTests.Online(devices));
        foreach (var id in devices.Json!["items"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()))
        {
            Assert.Empty((await tina.GetAsync(browser, $"/api/portal/devices/{id}")).Json!["tickets"]!.AsArray());
        }
    }

    [Fact]
    public async Task Leo_signs_in_with_the_legacy_form_and_finds_his_desktop()
    {
        using var browser = new SsoDriver(api);
        var token = await browser.LegacySignInAsync(DevelopmentAccounts.Named("leo.legacy@northwind.test"));
        var leo = new StaffLogin("", "leo.legacy@northwind.test", "", token);

        var devices = await leo.GetAsync(browser, "/api/portal/devices");

        Assert.Equal([("LEO-DESKTOP", true)], DeviceOnlineTests.Online(devices));
    }

    [Fact]
    public async Task Carl_the_client_manager_sees_every_northwind_device_and_the_shared_server()
    {
        var carl = await SignInAsync("carl.manager@northwind.test");
        using var browser = new SsoDriver(api);

        var me = await carl.GetAsync(browser, "/api/portal/me");
        var devices = await carl.GetAsync(browser, "/api/portal/devices?pageSize=200");

        Assert.Equal(EndUserRoles.ClientManager, me.String("role"));
        var names = DeviceAccessTests.Names(devices);
        Assert.Contains("NORT-SRV01", names);
        Assert.Contains("TINA-LAPTOP", names);
        Assert.Contains("CARL-LAPTOP", names);
        Assert.DoesNotContain("TAIL-SRV01", names);
        Assert.DoesNotContain("GRACE-LAPTOP", names);
    }

    [Fact]
    public async Task Emma_finds_the_technicians_answer_on_her_laptops_page_and_contosos_branding()
    {
        var emma = await SignInAsync(DevelopmentPortalContent.AnsweredTicketOwner);
        using var browser = new SsoDriver(api);

        var devices = await emma.GetAsync(browser, "/api/portal/devices");
        var laptop = devices.Json!["items"]!.AsArray().Single(d => d!["name"]!.GetValue<string>() == "EMMA-LAPTOP")!["id"]!.GetValue<string>();
        var detail = await emma.GetAsync(browser, $"/api/portal/devices/{laptop}");
        var me = await emma.GetAsync(browser, "/api/portal/me");
        var logo = await browser.Http.GetAsync(me.Json!["branding"]!["logoUrl"]!.GetValue<string>());

        var ticket = Assert.Single(detail.Json!["tickets"]!.AsArray())!;
        Assert.Equal("Waiting for you", ticket["status"]!.GetValue<string>());
        Assert.True(ticket["awaitingYou"]!.GetValue<bool>());
        Assert.Equal("Contoso Managed IT", me.Json["branding"]!["partnerName"]!.GetValue<string>());
        Assert.Equal(DevelopmentPortalContent.ContosoColor, me.Json["branding"]!["color"]!.GetValue<string>());
        Assert.Equal("support@contoso.test", me.Json["support"]!["email"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
    }

    private async Task<StaffLogin> SignInAsync(string email)
    {
        using var browser = new SsoDriver(api);
        var tokens = await browser.SignInAsync(DevelopmentAccounts.Named(email));
        Assert.False(tokens.IsError, tokens.Error);
        return new StaffLogin("", email, "", tokens.AccessToken);
    }
}
