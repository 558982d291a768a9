using Api.Admin.Staff;
using Api.Data;
using Api.Shared;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Funnel;

/// <summary>
/// The drill-down as a CSV file: exactly the people the list shows (all pages), streamed row by
/// row. Names are typed by people, so a value a spreadsheet would run as a formula is written as text.
/// </summary>
public static class ExportFunnelPeople
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly string[] Header =
        ["Name", "Email", "Client", "Batch", "Step", "Moved at", "Activated at", "Authenticator at", "First sign-in at", "Signed in again at"];

    private static readonly CsvWriterOptions Csv = new() { Injection = CsvInjection.Escape };

    public static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> HandleAsync(
        [AsParameters] FunnelScopeParameters query,
        string? step,
        StaffMember staff,
        AppDbContext db,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (!ListFunnelPeople.TryStep(step, out var filter))
        {
            return Problems.Invalid("step", $"Choose a step: {FunnelWireNames.StepChoices}.");
        }

        var read = await FunnelScope.ReadAsync(query, staff, db, cancellationToken);
        if (read.Scope is not { } scope)
        {
            return read.Invalid is { } invalid ? invalid : read.NotFound!;
        }

        var day = clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"migration-funnel-{step ?? "moved"}-{day}.csv\"";
        var people = FunnelPeople.Listed(db, scope, filter);
        return TypedResults.Stream(stream => WriteAsync(stream, people, cancellationToken), ContentType);
    }

    private static async Task WriteAsync(Stream stream, IQueryable<FunnelPersonListing> people, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(stream, Csv, leaveOpen: true);
        csv.WriteHeader(Header);
        await foreach (var person in people.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var row = person.Row;
            var step = FunnelWireNames.Label(person.Furthest);
            await csv.WriteRecordAsync(
            [
                row.Name,
                row.Email,
                row.ClientName,
                row.BatchName,
                step,
                IsoTime.Of(row.MovedAt),
                IsoTime.Of(row.ActivatedAt),
                IsoTime.Of(row.EnrolledAt),
                IsoTime.Of(row.FirstSignInAt),
                IsoTime.Of(row.ReturnedAt),
            ], cancellationToken);
        }
    }
}
