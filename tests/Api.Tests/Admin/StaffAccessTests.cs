using System.Net;
using Api.Data;
using Api.Hosting;
using Api.Shared;
using Api.Tests.Sso;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Admin;

/// <summary>Who gets into the admin area, and as what: the answer of GET /api/admin/me.</summary>
[Collection(SsoCollection.Name)]
public sealed class StaffAccessTests(SsoApiFactory api)
{
    [Theory]
    [InlineData(ProductRoles.PartnerAdmin, true)]
    [InlineData(ProductRoles.PartnerTechnician, false)]
    public async Task Partner_staff_see_their_partner_and_what_they_may_change(string role, bool canManage)
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var staff = await world.StaffAsync(role);

        var me = await GetMeAsync(staff);

        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal(role, me.String("role"));
        Assert.Equal(world.Partner.Name, me.String("partnerName"));
        Assert.Equal(canManage, me.Json!["canManage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_platform_operator_belongs_to_no_partner()
    {
        var me = await GetMeAsync(await AdminWorld.OperatorAsync(api.Services));

        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal(ProductRoles.PlatformOperator, me.String("role"));
        Assert.Null(me.String("partnerName"));
    }

    [Fact]
    [Trait("ASVS", "4.1.1")]
    public async Task A_password_only_session_is_told_to_sign_in_with_its_authenticator()
    {
        var world = await AdminWorld.CreateAsync(api.Services);

        var me = await GetMeAsync(await world.StaffAsync(mfa: false));

        Assert.Equal(HttpStatusCode.Forbidden, me.Status);
        Assert.Equal(MfaSessionRequirement.Refusal, me.Detail);
    }

    [Fact]
    [Trait("ASVS", "4.1.1")]
    public async Task Removing_a_staff_member_takes_effect_on_their_next_request()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var staff = await world.StaffAsync();
        Assert.Equal(HttpStatusCode.OK, (await GetMeAsync(staff)).Status);

        await using (var scope = api.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().PartnerStaff
                .Where(s => s.SsoAccountId == staff.AccountId).ExecuteDeleteAsync();
        }

        var me = await GetMeAsync(staff);
        Assert.Equal(HttpStatusCode.Forbidden, me.Status);
        Assert.Equal(Api.Admin.Staff.StaffRequirement.Refusal, me.Detail);
    }

    private async Task<SsoResponse> GetMeAsync(StaffLogin staff)
    {
        using var browser = new SsoDriver(api);
        using var request = staff.Request(HttpMethod.Get, "/api/admin/me");
        return await SsoResponse.ReadAsync(await browser.Http.SendAsync(request));
    }
}
