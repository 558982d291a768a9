using Api.Data;
using Api.Sso.Accounts;
using Api.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Api.Portal;

/// <summary>The partner's admins (<see cref="PartnerAdmins"/>): whom an automatically disabled endpoint is reported to.</summary>
public sealed class PortalWebhookContacts(AppDbContext db, AccountAdministration accounts) : IWebhookPartnerContacts
{
    public async Task<IReadOnlyList<WebhookContact>> AdminsOfAsync(Guid partnerId, CancellationToken cancellationToken) =>
        await PartnerAdmins.Of(db, accounts, [partnerId]).Select(a => new WebhookContact(a.Email, a.Name)).ToListAsync(cancellationToken);
}
