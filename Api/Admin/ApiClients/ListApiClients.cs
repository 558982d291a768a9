using Api.Admin.Staff;
using Api.Shared.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.ApiClients;

/// <summary>Settings &gt; API clients: the partner's API clients, active ones first, newest first.</summary>
public static class ListApiClients
{
    public static async Task<Results<Ok<Page<ApiClientRow>>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        [AsParameters] PageRequest paging, StaffMember staff, [AsParameters] ApiClientServices s, CancellationToken cancellationToken)
    {
        if (paging.Check(PageSizeLimits.Standard, out var page) is { } invalidPage)
        {
            return invalidPage;
        }

        if (staff.PartnerId is null)
        {
            return ApiClientProblems.PartnersOnly();
        }

        var clients = s.Visible(staff).AsNoTracking();
        var total = await clients.CountAsync(cancellationToken);
        var rows = await clients.OrderBy(c => c.RevokedAt != null).ThenByDescending(c => c.CreatedAt).ThenBy(c => c.Id)
            .Slice(page).ToListAsync(cancellationToken);
        var now = s.Clock.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(page.Of(rows.Select(c => ApiClientRow.Of(c, now)).ToList(), total));
    }
}
