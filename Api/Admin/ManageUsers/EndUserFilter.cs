using Api.Admin.Staff;
using Api.Data;
using Api.Shared;
using Api.Sso.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.ManageUsers;

/// <summary>What the Manage Users list can be sorted by (wire names in <see cref="EndUserFilter.SortNames"/>).</summary>
public enum EndUserSort
{
    Name,
    Email,
    Client,
    Role,
    Status,
    MigratedAt,
    LastLogin,
}

/// <summary>
/// The list's search, filters and sort as the query string sends them. Every value is taken as
/// text and read by <see cref="EndUserFilter.TryRead"/>, so an unknown value is answered with a
/// sentence that names the field instead of a generic "could not be read".
/// </summary>
public sealed class EndUserFilterParameters
{
    [FromQuery(Name = "search")]
    public string? Search { get; init; }

    [FromQuery(Name = "clientId")]
    public string? ClientId { get; init; }

    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    [FromQuery(Name = "migrated")]
    public string? Migrated { get; init; }

    [FromQuery(Name = "ssoState")]
    public string? SsoState { get; init; }

    /// <summary>"true": only the users the partner can fix before they move (Needs attention).</summary>
    [FromQuery(Name = "needsAttention")]
    public string? NeedsAttention { get; init; }

    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    [FromQuery(Name = "desc")]
    public string? Desc { get; init; }
}

/// <summary>The list's search, filters and sort, read and checked.</summary>
public sealed record EndUserFilter(
    string? Search, Guid? ClientId, bool? Enabled, bool? Migrated, AccountState? SsoState, EndUserSort Sort, bool Descending)
{
    /// <summary>Only the users the partner can fix before they move (<see cref="EndUserAttention"/>).</summary>
    public bool? NeedsAttention { get; init; }

    /// <summary>Nothing but the list's order asked for: no search and no filter on the users' columns.</summary>
    public bool NarrowsNothing => this is { Search: null, ClientId: null, Enabled: null, Migrated: null, SsoState: null };

    public const int MaxSearchLength = 200;

    /// <summary>Wire name of each status filter → whether the users are enabled.</summary>
    public static readonly IReadOnlyDictionary<string, bool> Statuses = new Dictionary<string, bool>(StringComparer.Ordinal) { ["enabled"] = true, ["disabled"] = false };

    public static readonly IReadOnlyDictionary<string, EndUserSort> SortNames = new Dictionary<string, EndUserSort>(StringComparer.Ordinal)
    {
        ["name"] = EndUserSort.Name,
        ["email"] = EndUserSort.Email,
        ["client"] = EndUserSort.Client,
        ["role"] = EndUserSort.Role,
        ["status"] = EndUserSort.Status,
        ["migratedAt"] = EndUserSort.MigratedAt,
        ["lastLogin"] = EndUserSort.LastLogin,
    };

    public static bool TryRead(EndUserFilterParameters query, out EndUserFilter filter, out ValidationProblem? invalid)
    {
        filter = new EndUserFilter(null, null, null, null, null, EndUserSort.Name, false);
        invalid = null;
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim();
        if (search is { Length: > MaxSearchLength })
        {
            invalid = Problems.Invalid("search", $"Search for at most {MaxSearchLength} characters.");
            return false;
        }

        Guid? clientId = null;
        if (!string.IsNullOrEmpty(query.ClientId))
        {
            if (!Guid.TryParse(query.ClientId, out var id))
            {
                invalid = Problems.Invalid("clientId", "Choose a client from the list.");
                return false;
            }

            clientId = id;
        }

        if (!TryChoice(query.Status, "status", Statuses, out var enabled, ref invalid)
            || !TryChoice(query.Migrated, "migrated", Booleans, out var migrated, ref invalid)
            || !TryChoice(query.SsoState, "ssoState", SsoStateNames.ByName, out var ssoState, ref invalid)
            || !TryChoice(query.NeedsAttention, "needsAttention", OnlyTrue, out var needsAttention, ref invalid)
            || !TryChoice(query.Sort, "sort", SortNames, out var sort, ref invalid)
            || !TryChoice(query.Desc, "desc", Booleans, out var descending, ref invalid))
        {
            return false;
        }

        filter = new EndUserFilter(search, clientId, enabled, migrated, ssoState, sort ?? EndUserSort.Name, descending ?? false) { NeedsAttention = needsAttention };
        return true;
    }

    /// <summary>Whether the client filter names a client the caller may see (if not, the answer is 404, as for any id out of scope).</summary>
    public async Task<bool> IsClientVisibleAsync(StaffMember staff, AppDbContext db, CancellationToken cancellationToken) =>
        ClientId is not { } clientId || await staff.Scope(db.Clients).AnyAsync(c => c.Id == clientId, cancellationToken);

    public static ProblemHttpResult ClientNotFound() =>
        Problems.Status(StatusCodes.Status404NotFound, "Client not found", "This client was not found. Choose a client from the list.");

    private static readonly Dictionary<string, bool> Booleans = new(StringComparer.Ordinal) { ["true"] = true, ["false"] = false };

    /// <summary>A filter that narrows or not: "true", or nothing.</summary>
    private static readonly Dictionary<string, bool> OnlyTrue = new(StringComparer.Ordinal) { ["true"] = true };

    private static bool TryChoice<T>(string? value, string field, IReadOnlyDictionary<string, T> choices, out T? chosen, ref ValidationProblem? invalid)
        where T : struct
    {
        chosen = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (choices.TryGetValue(value, out var known))
        {
            chosen = known;
            return true;
        }

        invalid = Problems.Invalid(field, $"Choose {field} from: {string.Join(", ", choices.Keys)}.");
        return false;
    }
}
