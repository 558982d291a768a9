using Api.Admin.EndUsers;
using Api.Admin.Staff;
using Api.Data;
using Api.Shared;
using Api.Shared.Paging;
using Api.Portal.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Tickets;

/// <summary>The staff's ticket queue: their partner's clients' tickets (an operator's: all), filtered and paged in SQL.</summary>
public static class ListAdminTickets
{
    public const int MaxSearchLength = 200;

    public static async Task<Results<Ok<Page<AdminTicketSummary>>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        [AsParameters] AdminTicketFilter filter, [AsParameters] PageRequest paging, StaffMember staff, AppDbContext db, CancellationToken cancellationToken)
    {
        if (paging.Check(TicketListQuery.PageSizes, out var page) is { } invalidPage)
        {
            return invalidPage;
        }

        var matching = TicketListQuery.ByStatus(staff.Scope(db.Tickets), filter.Status, exactAllowed: true, out var refused);
        if (refused is not null)
        {
            return refused;
        }

        if (!string.IsNullOrEmpty(filter.ClientId))
        {
            if (!Guid.TryParse(filter.ClientId, out var clientId) || !await staff.Scope(db.Clients).AnyAsync(c => c.Id == clientId, cancellationToken))
            {
                return EndUserProblems.ClientNotFound();
            }

            matching = matching!.Where(t => t.ClientId == clientId);
        }

        if (!string.IsNullOrEmpty(filter.Priority))
        {
            if (!TicketPriorities.All.Contains(filter.Priority))
            {
                return Problems.Invalid("priority", $"Choose a priority: {string.Join(", ", TicketPriorities.All)}.");
            }

            matching = matching!.Where(t => t.Priority == filter.Priority);
        }

        if (filter.Search?.Trim() is { Length: > 0 } search)
        {
            if (search.Length > MaxSearchLength)
            {
                return Problems.Invalid("search", $"Search for up to {MaxSearchLength} characters.");
            }

            matching = matching!.Where(Matches(search));
        }

        var total = await matching!.CountAsync(cancellationToken);
        var items = await TicketListQuery.Newest(matching!)
            .Slice(page)
            .Select(AdminTicketSummary.FromTicket)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(page.Of(items, total));
    }

    /// <summary>The subject, the opener's name or e-mail contain the text; or it is the ticket's reference (T-1A2B3C4D).</summary>
    private static System.Linq.Expressions.Expression<Func<Ticket, bool>> Matches(string search)
    {
        var text = search.ToLowerInvariant();
        var referenceTail = text.StartsWith("t-", StringComparison.Ordinal) && text.Length == 10 ? text[2..] : null;
        return t => t.Subject.ToLower().Contains(text)
            || t.OpenedBy!.DisplayName.ToLower().Contains(text)
            || t.OpenedBy.Email.ToLower().Contains(text)
            || (referenceTail != null && t.Id.ToString().ToLower().EndsWith(referenceTail));
    }
}

/// <summary>The queue's filters as the query string sends them: text, read and checked by the handler.</summary>
public sealed class AdminTicketFilter
{
    [FromQuery(Name = "clientId")]
    public string? ClientId { get; init; }

    /// <summary>active (default), closed, all, or one exact status.</summary>
    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    [FromQuery(Name = "priority")]
    public string? Priority { get; init; }

    /// <summary>Part of the subject, the opener's name or e-mail, or a reference such as T-1A2B3C4D.</summary>
    [FromQuery(Name = "search")]
    public string? Search { get; init; }
}
