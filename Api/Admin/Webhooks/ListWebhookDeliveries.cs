using Api.Admin.Staff;
using Api.Shared.Paging;
using Api.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Webhooks;

/// <summary>An endpoint's delivery log: every attempt, newest first, with the event it carried.</summary>
public static class ListWebhookDeliveries
{
    public static async Task<Results<Ok<Page<WebhookAttemptRow>>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid endpointId, [AsParameters] PageRequest paging, StaffMember staff, [AsParameters] WebhookEndpointServices s, CancellationToken cancellationToken)
    {
        if (paging.Check(PageSizeLimits.Standard, out var page) is { } invalidPage)
        {
            return invalidPage;
        }

        if (!await s.Scope(staff).AnyAsync(e => e.Id == endpointId, cancellationToken))
        {
            return WebhookEndpointServices.NotFound();
        }

        var attempts = from attempt in s.Db.Set<WebhookAttempt>().AsNoTracking()
                       where attempt.EndpointId == endpointId
                       join delivery in s.Db.Set<WebhookDelivery>() on attempt.DeliveryId equals delivery.Id
                       orderby attempt.At descending, attempt.Id descending
                       select new { attempt, delivery, delivery.Event!.Type };
        var total = await attempts.CountAsync(cancellationToken);
        var rows = await attempts.Slice(page).ToListAsync(cancellationToken);
        var items = rows.Select(r => new WebhookAttemptRow(
            r.attempt.Id, r.attempt.At, r.delivery.Id, WebhookEvent.MessageIdOf(r.delivery.EventId), r.Type,
            r.attempt.Succeeded ? "delivered" : "failed", r.attempt.ResponseCode, r.attempt.LatencyMs, r.attempt.Error, DeliveryState(r.delivery))).ToList();
        return TypedResults.Ok(page.Of(items, total));
    }

    private static string DeliveryState(WebhookDelivery delivery) =>
        delivery.DeliveredAt is not null ? "delivered" : delivery.FailedAt is not null ? "failed" : "retrying";
}

/// <param name="EventId">The event's <c>webhook-id</c>: the same in every attempt and replay.</param>
/// <param name="Status">This attempt: "delivered" or "failed".</param>
/// <param name="ResponseCode">The receiver's HTTP status; null when none came (timeout, refused address, no connection).</param>
/// <param name="DeliveryStatus">The delivery now: "delivered", "retrying" (another attempt will come) or "failed" (retries used up; Replay sends it again).</param>
public sealed record WebhookAttemptRow(
    Guid Id, DateTime At, Guid DeliveryId, string EventId, string EventType, string Status, int? ResponseCode, int LatencyMs, string? Error, string DeliveryStatus);
