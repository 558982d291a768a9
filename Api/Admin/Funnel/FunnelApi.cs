using Api.Shared.Paging;

namespace Api.Admin.Funnel;

/// <summary>
/// The migration funnel (moved → activated → enrolled → signed in → signed in again): partner staff
/// see their clients' users, operators everyone; the operators' timeline of every batch.
/// </summary>
public static class FunnelApi
{
    public static RouteGroupBuilder MapFunnelApi(this RouteGroupBuilder migration)
    {
        migration.MapGet("/funnels", ListFunnels.HandleAsync)
            .WithName("ListMigrationFunnels")
            .DescribePaging(ListFunnels.Limits)
            .WithSummary("The funnel of each batch that ran or runs with the caller's clients, the latest first (the admin home).");
        migration.MapGet("/funnel", GetFunnel.HandleAsync)
            .WithName("GetMigrationFunnel")
            .DescribeFunnelQuery()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One funnel — a batch's, a client's, or both — with counts and percentages per step.");
        migration.MapGet("/funnel/people", ListFunnelPeople.HandleAsync)
            .WithName("ListMigrationFunnelPeople")
            .DescribeFunnelQuery()
            .DescribePaging(PageSizeLimits.Standard)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The people at one step of a funnel (their furthest step), one page at a time; without a step, everyone moved.");
        migration.MapGet("/funnel/people/export.csv", ExportFunnelPeople.HandleAsync)
            .WithName("ExportMigrationFunnelPeople")
            .DescribeFunnelQuery()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("The same people as a CSV file, every page.");
        migration.MapGet("/funnel/days", GetFunnelDays.HandleAsync)
            .WithName("GetMigrationFunnelDays")
            .DescribeFunnelQuery()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Per day in the batch's time zone: users moved, activated, enrolled and first signed in (the funnel's chart).");
        return migration;
    }

    /// <summary>On the operators' batches group.</summary>
    public static RouteGroupBuilder MapBatchTimeline(this RouteGroupBuilder batches)
    {
        batches.MapGet("/timeline", ListBatchTimeline.HandleAsync)
            .WithName("ListMigrationBatchTimeline")
            .DescribePaging(PageSizeLimits.Standard)
            .WithSummary("Every batch, the latest date first, with its phase (scheduled, running, paused, completed, failed…) and completion.");
        return batches;
    }
}
