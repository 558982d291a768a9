using System.Net;
using Api.Shared;

namespace Api.Tests.Admin;

/// <summary>Manage Users' bulk actions: each selected user is acted on, and the ones that failed are reported with a reason.</summary>
[Collection(SsoCollection.Name)]
public sealed class BulkEndUserActionTests(SsoApiFactory api)
{
    [Fact]
    public async Task Bulk_actions_act_on_each_user_and_report_the_ones_that_failed()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var elsewhere = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        var technician = await world.StaffAsync(ProductRoles.PartnerTechnician);
        var first = await world.EndUserAsync(SsoUserState.Legacy);
        var second = await world.EndUserAsync(SsoUserState.Enrolled);
        var pending = await world.EndUserAsync(SsoUserState.MigratedPending);
        var foreign = await elsewhere.EndUserAsync(SsoUserState.Legacy);
        using var browser = new SsoDriver(api);
        var access = (await browser.SignInAsync(second)).AccessToken!;

        var disable = await admin.PostAsync(browser, "/api/admin/end-users/bulk", new { action = "disable", ids = new[] { first.EndUserId, second.EndUserId, foreign.EndUserId } });
        var technicianDisable = await technician.PostAsync(browser, "/api/admin/end-users/bulk", new { action = "disable", ids = new[] { pending.EndUserId } });
        var resend = await technician.PostAsync(browser, "/api/admin/end-users/bulk", new { action = "resend-activation", ids = new[] { pending.EndUserId, second.EndUserId } });
        var empty = await admin.PostAsync(browser, "/api/admin/end-users/bulk", new { action = "disable", ids = Array.Empty<Guid>() });
        var unknown = await admin.PostAsync(browser, "/api/admin/end-users/bulk", new { action = "explode", ids = new[] { first.EndUserId } });

        Assert.Equal(HttpStatusCode.OK, disable.Status);
        Assert.Equal(2, disable.Json!["succeeded"]!.GetValue<int>());
        var failed = Assert.Single(disable.Json["failed"]!.AsArray());
        Assert.Equal(foreign.EndUserId.ToString(), failed!["id"]!.GetValue<string>());
        Assert.Equal("not found", failed["reason"]!.GetValue<string>());
        Assert.False((await AdminCalls.EndUserAsync(api.Services, first.EndUserId)).Enabled);
        Assert.False((await AdminCalls.EndUserAsync(api.Services, second.EndUserId)).Enabled);
        Assert.True((await AdminCalls.EndUserAsync(api.Services, foreign.EndUserId)).Enabled);
        await PortalApiProbe.AssertRefusedAsync(api, access);
        Assert.Equal(HttpStatusCode.Forbidden, technicianDisable.Status);
        Assert.True((await AdminCalls.EndUserAsync(api.Services, pending.EndUserId)).Enabled);
        Assert.Equal(HttpStatusCode.OK, resend.Status);
        Assert.Equal(1, resend.Json!["succeeded"]!.GetValue<int>());
        Assert.Equal("already activated", resend.Json["failed"]![0]!["reason"]!.GetValue<string>());
        Assert.Single(await Mailbox.WaitForAsync(api.Services, pending.Email, "activation"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
    }
}
