using Api.Admin.Staff;
using Api.Data;
using Api.Shared;
using Api.Sso.Accounts;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.ManageUsers;

/// <summary>
/// Manage Users as a CSV file: exactly the users the search and filters find, in the list's
/// order, streamed row by row (a partner's 50,000 users are never held in memory). Names are
/// typed by people, so a value a spreadsheet would run as a formula is written as text.
/// </summary>
public static class ExportEndUsers
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly string[] Header =
        ["Name", "Email", "Client", "Role", "Status", "Locked", "Migrated to SSO", "Migrated at", "SSO state", "MFA", "Last login", "Move to SSO"];

    // Whether sign-in is locked is asked of Redis for this many rows at a time.
    private const int LockedBatch = 500;

    private static readonly CsvWriterOptions Csv = new() { Injection = CsvInjection.Escape };

    public static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> HandleAsync(
        [AsParameters] EndUserFilterParameters query,
        StaffMember staff,
        AppDbContext db,
        AccountAdministration accounts,
        IServiceScopeFactory scopes,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (!EndUserFilter.TryRead(query, out var filter, out var invalid))
        {
            return invalid!;
        }

        if (!await filter.IsClientVisibleAsync(staff, db, cancellationToken))
        {
            return EndUserFilter.ClientNotFound();
        }

        var day = clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"end-users-{day}.csv\"";
        var users = EndUserListing.Listed(staff, db, accounts, filter);
        return TypedResults.Stream(stream => WriteAsync(stream, users, scopes, accounts, cancellationToken), ContentType);
    }

    private static async Task WriteAsync(Stream stream, IQueryable<EndUserListing> users, IServiceScopeFactory scopes, AccountAdministration accounts, CancellationToken cancellationToken)
    {
        // The rows' migration states are read on a context of their own: the list's reader stays
        // open on the request's while the rows stream (SQL Server allows one reader per connection).
        await using var side = scopes.CreateAsyncScope();
        var db = side.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var csv = CsvWriter.Create(stream, Csv, leaveOpen: true);
        csv.WriteHeader(Header);
        var batch = new List<EndUserListing>(LockedBatch);
        await foreach (var user in users.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            batch.Add(user);
            if (batch.Count == LockedBatch)
            {
                await WriteBatchAsync(csv, batch, db, accounts, cancellationToken);
            }
        }

        await WriteBatchAsync(csv, batch, db, accounts, cancellationToken);
    }

    private static async Task WriteBatchAsync(CsvWriter csv, List<EndUserListing> batch, AppDbContext db, AccountAdministration accounts, CancellationToken cancellationToken)
    {
        foreach (var row in await EndUserRow.FromAsync(batch, db, accounts, cancellationToken))
        {
            await csv.WriteRecordAsync(
            [
                row.Name,
                row.Email,
                row.ClientName,
                row.Role,
                row.Enabled ? "Enabled" : "Disabled",
                row.Locked ? "Yes" : "No",
                row.MigratedToSso ? "Yes" : "No",
                IsoTime.Of(row.MigratedAt),
                row.AccessRequest is { } request ? AccessRequestNames.Label(request) : SsoStateNames.Label(row.SsoState),
                MfaMethodNames.Label(row.Mfa),
                IsoTime.Of(row.LastLoginAt),
                MigrationStateNames.Label(row.Migration),
            ], cancellationToken);
        }

        batch.Clear();
    }
}
