using Api.Admin.Staff;
using Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.AuditTrail;

public static class ListAuditEvents
{
    public static async Task<Results<Ok<AuditPage>, ValidationProblem>> Handle(
        [AsParameters] AuditQuery query, int? page, int? pageSize, StaffMember staff, AppDbContext db, CancellationToken cancellationToken)
    {
        if (query.Check() is { } problem)
        {
            return problem;
        }

        if (page is < 1)
        {
            return Problems.Invalid("page", "The page number starts at 1.");
        }

        if (pageSize is < 1 or > AuditQuery.MaxPageSize)
        {
            return Problems.Invalid("pageSize", $"Choose a page size from 1 to {AuditQuery.MaxPageSize}.");
        }

        var (number, size) = (page ?? 1, pageSize ?? AuditQuery.DefaultPageSize);
        var events = query.Apply(staff, db.AuditEvents.AsNoTracking());
        var total = await events.CountAsync(cancellationToken);
        var items = await events.Skip((number - 1) * size).Take(size)
            .Select(e => new AuditEntry(e.Id, e.At, e.ActorName, e.Action, e.TargetType, e.TargetId, e.TargetName, e.Before, e.After, e.ClientIp))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new AuditPage(items, number, size, total));
    }
}

public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, int Page, int PageSize, int Total);

public sealed record AuditEntry(
    Guid Id, DateTime At, string ActorName, string Action, string TargetType, string? TargetId, string? TargetName, string? Before, string? After, string? ClientIp);
