using Api.Admin.Staff;
using Api.Data;
using Api.Shared;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.AuditTrail;

/// <summary>
/// The audit events as CSV, streamed from the database row by row (no size limit in memory).
/// A cell that a spreadsheet would run as a formula (= + - @ …) is escaped with a quote.
/// </summary>
public static class ExportAuditEvents
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly string[] Header = ["Time", "Actor", "Action", "Target type", "Target", "Target id", "Before", "After", "Client IP"];

    private static readonly CsvWriterOptions Csv = new() { Injection = CsvInjection.Escape };

    public static Results<PushStreamHttpResult, ValidationProblem> Handle(
        [AsParameters] AuditQuery query, StaffMember staff, AppDbContext db, TimeProvider clock)
    {
        if (query.Check() is { } problem)
        {
            return problem;
        }

        var events = query.Apply(staff, db.AuditEvents.AsNoTracking());
        var fileName = $"audit-{clock.GetUtcNow():yyyy-MM-dd}.csv";
        return TypedResults.Stream(async body =>
        {
            await using var csv = CsvWriter.Create(body, Csv, leaveOpen: true);
            await csv.WriteRecordAsync(Header);
            await foreach (var e in events.AsAsyncEnumerable())
            {
                await csv.WriteRecordAsync(
                [
                    IsoTime.Of(e.At),
                    e.ActorName,
                    e.Action,
                    e.TargetType,
                    e.TargetName,
                    e.TargetId,
                    e.Before,
                    e.After,
                    e.ClientIp,
                ]);
            }

            await csv.FlushAsync();
        }, ContentType, fileName);
    }
}
