using System.Net;
using Api.Audit;
using Api.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Api.Webhooks;

/// <summary>
/// Keeps each endpoint's run of failures, and disables an endpoint whose every attempt failed for
/// <see cref="WebhookOptions.DisableAfter"/>, or one whose delivery used up its retries (about a
/// day) without a success since, after at least <see cref="WebhookOptions.FailuresToDisable"/>
/// failures either way: its partner's admins are mailed once (one conditional
/// update decides, however many dispatchers fail at once). Writes join the dispatcher's transaction.
/// </summary>
public sealed class WebhookEndpointHealth(DbContext db, Outbox outbox, AuditLog audit, IWebhookPartnerContacts contacts, IOptions<WebhookOptions> options)
{
    public const string AutoDisabledReason = "Disabled automatically: every delivery failed for about a day.";

    public Task SucceededAsync(Guid endpointId, CancellationToken cancellationToken) =>
        db.Set<WebhookEndpoint>().Where(e => e.Id == endpointId && e.ConsecutiveFailures > 0)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.ConsecutiveFailures, 0).SetProperty(e => e.FailingSince, (DateTime?)null), cancellationToken);

    /// <summary>Counts the failure; true when it disabled the endpoint (and mailed its partner).</summary>
    /// <param name="gaveUp">The failed delivery has no retries left.</param>
    public async Task<bool> FailedAsync(Guid endpointId, DateTime now, bool gaveUp, CancellationToken cancellationToken)
    {
        var endpoints = db.Set<WebhookEndpoint>();
        await endpoints.Where(e => e.Id == endpointId).ExecuteUpdateAsync(
            set => set.SetProperty(e => e.ConsecutiveFailures, e => e.ConsecutiveFailures + 1).SetProperty(e => e.FailingSince, e => e.FailingSince ?? now),
            cancellationToken);
        var since = now - options.Value.DisableAfter;
        var failures = options.Value.FailuresToDisable;
        if (await endpoints.Where(e => e.Id == endpointId && e.Enabled && e.ConsecutiveFailures >= failures && (gaveUp || e.FailingSince <= since))
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.Enabled, false).SetProperty(e => e.DisabledReason, AutoDisabledReason), cancellationToken) == 0)
        {
            return false;
        }

        var endpoint = await endpoints.AsNoTracking().SingleAsync(e => e.Id == endpointId, cancellationToken);
        audit.Record(AuditActor.System, WebhookAuditActions.EndpointAutoDisabled, endpoint.PartnerId, new AuditTarget("webhook-endpoint", endpoint.Id.ToString(), endpoint.Url));
        foreach (var admin in await contacts.AdminsOfAsync(endpoint.PartnerId, cancellationToken))
        {
            outbox.Enqueue("webhook-disabled", admin.Email, Notice(endpoint.Url), new MailAbout(PartnerId: endpoint.PartnerId));
        }

        return true;
    }

    private static EmailContent Notice(string url)
    {
        const string Subject = "A webhook endpoint was disabled";
        var text = $"Every delivery to {url} failed for about a day, so we stopped sending events to it. "
            + "Fix the endpoint, then enable it again under Settings > Webhooks: the events that waited are sent then, and each failed one can be replayed from its delivery log.";
        return new EmailContent(Subject, text, $"<p>{WebUtility.HtmlEncode(text)}</p>");
    }
}
