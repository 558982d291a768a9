using Api.Admin.Staff;
using Api.Audit;
using Api.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Api.Admin.AuditTrail;

/// <summary>The audit page's filters (query string), shared by the list and the CSV export.</summary>
public sealed class AuditQuery
{
    public const int MaxFilterLength = 64;

    [FromQuery(Name = "action")]
    public string? Action { get; init; }

    [FromQuery(Name = "targetId")]
    public string? TargetId { get; init; }

    [FromQuery(Name = "from")]
    public DateTimeOffset? From { get; init; }

    [FromQuery(Name = "to")]
    public DateTimeOffset? To { get; init; }

    /// <summary>The filters' problem with a sentence, or null when they will do.</summary>
    public ValidationProblem? Check()
    {
        if (Action is { Length: > MaxFilterLength })
        {
            return Problems.Invalid("action", $"The action filter can be at most {MaxFilterLength} characters.");
        }

        if (TargetId is { Length: > MaxFilterLength })
        {
            return Problems.Invalid("targetId", $"The target filter can be at most {MaxFilterLength} characters.");
        }

        return From > To ? Problems.Invalid("from", "The start of the period must be before its end.") : null;
    }

    /// <summary>The events the caller may see that match the filters, newest first.</summary>
    public IQueryable<AuditEvent> Apply(StaffMember staff, IQueryable<AuditEvent> events)
    {
        if (staff.PartnerId is { } partnerId)
        {
            events = events.Where(e => e.PartnerId == partnerId);
        }

        if (!string.IsNullOrEmpty(Action))
        {
            events = events.Where(e => e.Action == Action);
        }

        if (!string.IsNullOrEmpty(TargetId))
        {
            events = events.Where(e => e.TargetId == TargetId);
        }

        if (From is { } from)
        {
            var since = from.UtcDateTime;
            events = events.Where(e => e.At >= since);
        }

        if (To is { } to)
        {
            var until = to.UtcDateTime;
            events = events.Where(e => e.At <= until);
        }

        return events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id);
    }
}
