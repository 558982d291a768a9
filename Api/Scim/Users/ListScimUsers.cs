using System.Globalization;
using System.Text.Json.Nodes;
using Api.Admin.Staff;
using Api.Data;
using Api.Scim.Filters;
using Microsoft.EntityFrameworkCore;

namespace Api.Scim.Users;

/// <summary>
/// GET /Users: the partner's users (or one client's), filtered (<see cref="ScimUserFilter"/>) and
/// paged with a 1-based startIndex and a count capped at <see cref="MaxCount"/> (RFC 7644 §3.4.2.4),
/// in a stable order: by userName, which an index serves, so a page is a walk, not a sort.
/// totalResults counts every match.
/// </summary>
public static class ListScimUsers
{
    public const int DefaultCount = 100;
    public const int MaxCount = 200;

    public static async Task<ScimResult> HandleAsync(
        Guid? clientId, string? filter, string? startIndex, string? count, StaffMember caller, AppDbContext db, IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (!TryReadInt(startIndex, 1, out var start) || !TryReadInt(count, DefaultCount, out var size))
        {
            return ScimErrors.InvalidValue("startIndex and count must be whole numbers.");
        }

        // RFC 7644 §3.4.2.4: a startIndex below 1 is 1; a negative count is 0.
        start = Math.Max(1, start);
        size = Math.Clamp(size, 0, MaxCount);
        if (clientId is { } client && !await caller.Scope(db.Clients).AnyAsync(c => c.Id == client, cancellationToken))
        {
            return ScimErrors.ClientNotFound();
        }

        var users = ScimUserReader.Scope(caller, db, clientId);
        if (!string.IsNullOrWhiteSpace(filter))
        {
            try
            {
                users = users.Where(ScimUserFilter.Parse(filter));
            }
            catch (ScimFilterException e)
            {
                return ScimErrors.InvalidFilter(e.Message);
            }
        }

        var total = await users.CountAsync(cancellationToken);
        var page = size == 0 || start > total
            ? []
            : await ScimUserReader.FactsAsync(db, users.OrderBy(u => u.Email).Skip(start - 1).Take(size), cancellationToken);
        var baseUrl = ScimApi.BaseUrl(configuration);
        return ScimResult.Ok(new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.ListResponse),
            ["totalResults"] = total,
            ["startIndex"] = start,
            ["itemsPerPage"] = page.Count,
            ["Resources"] = new JsonArray([.. page.Select(f => (JsonNode)ScimUserResource.ToJson(f, baseUrl))]),
        });
    }

    private static bool TryReadInt(string? text, int absent, out int value)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            value = absent;
            return true;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}
