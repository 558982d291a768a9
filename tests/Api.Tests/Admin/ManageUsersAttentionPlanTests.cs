using Api.Admin.ManageUsers;
using Api.Admin.Staff;
using Api.Data;
using Api.Shared;
using Api.Shared.Paging;
using Api.Sso.Accounts;
using Api.Tests.Sso;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Admin;

/// <summary>
/// Needs attention stays fast for a partner of 500,000 users: SQLite's own plan for the list looks
/// the few users up by id, from indexes that hold only users with a problem, and walks no index of
/// all the partner's users (which a filter on the partner would make it do); its count reads those
/// indexes alone, no user's row (the bench's figure: docs/PERFORMANCE.md).
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ManageUsersAttentionPlanTests(SsoApiFactory api)
{
    [Fact]
    public async Task The_list_and_its_count_look_the_users_up_by_id_and_walk_none_of_the_partners_users()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        var staff = new StaffMember("plan", "Plan", "plan@msp.example", ProductRoles.PartnerAdmin, Guid.NewGuid(), null);
        Assert.True(EndUserFilter.TryRead(new EndUserFilterParameters { NeedsAttention = "true", Sort = "email" }, out var filter, out _));
        new PageRequest { Page = "2", PageSize = "50" }.Check(PageSizeLimits.Standard, out var page);

        var list = await QueryPlan.OfAsync(db, EndUserListing.Listed(staff, db, accounts, filter).Slice(page));
        var count = await QueryPlan.OfAsync(db, EndUserListing.Countable(staff, db, accounts, filter).Take(ListEndUsers.CountLimit + 1));

        Assert.Contains(list, step => step.StartsWith("SEARCH e USING INDEX sqlite_autoindex_EndUsers_1 (Id=?)", StringComparison.Ordinal));
        // The count reads no user's row for the list's columns: its only lookup by id is the failed results' own.
        static int IdLookups(List<string> plan) => plan.Count(step => step.Contains("sqlite_autoindex_EndUsers_1 (Id=?)", StringComparison.Ordinal));
        Assert.Equal(IdLookups(list) - 1, IdLookups(count));
        foreach (var plan in new[] { list, count })
        {
            Assert.Contains(plan, step => step.Contains("USING INDEX IX_EndUsers_PartnerId_SsoEmailMismatch (PartnerId=? AND SsoEmailMismatch>?)", StringComparison.Ordinal));
            Assert.Contains(plan, step => step.Contains("USING INDEX IX_EndUsers_PartnerId_AccessDeclinedAt (PartnerId=? AND AccessDeclinedAt>?)", StringComparison.Ordinal));
            Assert.Contains(plan, step => step.Contains("USING INDEX IX_MigrationResults_BatchId_Status (BatchId=? AND Status=?)", StringComparison.Ordinal));
            // No table scanned: a SCAN here is of a subquery's few rows or of the ids' union (u0, u1…), made distinct for the count.
            Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal) && !step.Contains("subquery", StringComparison.Ordinal)
                && !System.Text.RegularExpressions.Regex.IsMatch(step, "^SCAN u[0-9]+$"));
            Assert.DoesNotContain(plan, step => step.Contains("IX_EndUsers_PartnerId_DisplayName_Id", StringComparison.Ordinal)
                || step.Contains("IX_EndUsers_PartnerId_Email_DisplayName_Id", StringComparison.Ordinal)
                || step.Contains("IX_EndUsers_PartnerId_Deleted_Enabled_MigratedToSso", StringComparison.Ordinal));
        }
    }
}
