using Api.Admin.Staff;
using Api.Data;
using Api.Scim.Filters;
using Api.Scim.Users;
using Api.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Scim;

/// <summary>
/// Identity providers look every user up by userName, e-mail or externalId before they change it:
/// SQLite's own plan seeks an index for each (never a scan of the partner's users), and the paged
/// list walks the partner's users in userName order from an index instead of sorting them.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ScimFilterPlanTests(SsoApiFactory api)
{
    [Theory]
    [InlineData("userName eq \"a@example.com\"", "USING INDEX IX_EndUsers_Email (Email=?)")]
    [InlineData("emails[type eq \"work\"].value eq \"a@example.com\"", "USING INDEX IX_EndUsers_Email (Email=?)")]
    [InlineData("externalId eq \"00ujl29u0le5T6Aj10h7\"", "USING INDEX IX_EndUsers_PartnerId_ExternalId_Email (PartnerId=? AND ExternalId=?)")]
    public async Task A_lookup_seeks_an_index(string filter, string step)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = ScimUserReader.Scope(Caller, db, clientId: null).Where(ScimUserFilter.Parse(filter));

        var plan = await QueryPlan.OfAsync(db, users.OrderBy(u => u.Email).Take(100));

        Assert.Contains(plan, s => s.Contains(step, StringComparison.Ordinal));
        Assert.DoesNotContain(plan, s => s.StartsWith("SCAN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_paged_list_walks_the_partners_users_in_userName_order_without_sorting()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var plan = await QueryPlan.OfAsync(db, ScimUserReader.Scope(Caller, db, clientId: null).OrderBy(u => u.Email).Skip(100).Take(100));

        Assert.Contains(plan, s => s.Contains("USING INDEX IX_EndUsers_PartnerId_Email_DisplayName_Id (PartnerId=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, s => s.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    private static readonly StaffMember Caller = new("plan", "Plan", "plan@msp.example", ProductRoles.PartnerAdmin, Guid.NewGuid(), null);
}
