using Api.Data;
using Api.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Api.Portal;

/// <summary>
/// Raises an end user's webhook event with what a receiver needs to know who it was about: the
/// row's id, e-mail, name and client, and who acted (a staff member's or API client's name,
/// "System" for the migration runner, the user themselves for the SSO's milestones). Nothing
/// secret. Reads the row through the caller's context, so a change not yet saved is what it sends.
/// </summary>
public sealed class EndUserWebhooks(AppDbContext db, IWebhookEvents events)
{
    public async Task RaiseAsync(Guid endUserId, string type, string actor, object? details = null, CancellationToken cancellationToken = default)
    {
        var user = await db.EndUsers.Include(u => u.Client).FirstOrDefaultAsync(u => u.Id == endUserId, cancellationToken);
        if (user?.Client is not null)
        {
            await RaiseAsync(user, user.Client, type, actor, details, cancellationToken);
        }
    }

    /// <summary>For a row in hand (one just added is not in the database yet) and its client.</summary>
    public Task RaiseAsync(EndUser user, Client client, string type, string actor, object? details = null, CancellationToken cancellationToken = default) =>
        events.RaiseAsync(client.PartnerId, type, new EndUserEventData(
            user.Id, user.Email, user.DisplayName, user.Role, client.Id, client.Name, user.Enabled, user.MigratedToSso, actor, details), cancellationToken);
}

/// <summary>An end user event's <c>data</c>.</summary>
/// <param name="Actor">Who caused the event, by name.</param>
/// <param name="Details">The event's own facts (what an edit changed, a migration's outcome); null when it has none.</param>
public sealed record EndUserEventData(
    Guid EndUserId, string Email, string Name, string Role, Guid ClientId, string ClientName, bool Enabled, bool OnSingleSignOn, string Actor, object? Details);
