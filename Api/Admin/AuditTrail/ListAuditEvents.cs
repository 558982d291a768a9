using Api.Admin.Staff;
using Api.Data;
using Api.Shared.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.AuditTrail;

public static class ListAuditEvents
{
    public static async Task<Results<Ok<Page<AuditEntry>>, ValidationProblem>> HandleAsync(
        [AsParameters] AuditQuery query, [AsParameters] PageRequest paging, StaffMember staff, AppDbContext db, CancellationToken cancellationToken)
    {
        if (query.Check() is { } problem)
        {
            return problem;
        }

        if (paging.Check(PageSizeLimits.Standard, out var page) is { } invalidPage)
        {
            return invalidPage;
        }

        var events = query.Apply(staff, db.AuditEvents.AsNoTracking());
        var total = await events.CountAsync(cancellationToken);
        var items = await events.Slice(page)
            .Select(e => new AuditEntry(e.Id, e.At, e.ActorName, e.Action, e.TargetType, e.TargetId, e.TargetName, e.Before, e.After, e.ClientIp))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(page.Of(items, total));
    }
}

public sealed record AuditEntry(
    Guid Id, DateTime At, string ActorName, string Action, string TargetType, string? TargetId, string? TargetName, string? Before, string? After, string? ClientIp);
