namespace Api.Webhooks;

/// <summary>
/// Raises a partner's webhook event. Called inside the unit of work of the change it reports (the
/// caller's SaveChanges saves it, in the caller's transaction): an event exists if and only if its
/// change committed. The modules that change end users and batches call it; they know nothing of
/// endpoints, deliveries or signatures.
/// </summary>
public interface IWebhookEvents
{
    /// <param name="type">One of <see cref="WebhookEventTypes"/>.</param>
    /// <param name="data">The event's <c>data</c>: ids, names, who acted; nothing secret.</param>
    Task RaiseAsync(Guid partnerId, string type, object data, CancellationToken cancellationToken = default);
}
