using Api.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Batches;

/// <summary>Every batch, the latest date first, with its clients and counts.</summary>
public static class ListBatches
{
    public static async Task<Ok<List<BatchSummary>>> HandleAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var batches = await db.MigrationBatches.AsNoTracking()
            .OrderByDescending(b => b.ScheduledAt)
            .ThenByDescending(b => b.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(await BatchSummary.OfAsync(db, batches, cancellationToken));
    }
}
