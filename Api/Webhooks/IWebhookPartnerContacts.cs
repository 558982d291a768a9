namespace Api.Webhooks;

/// <summary>A partner admin to tell about their partner's endpoints.</summary>
public sealed record WebhookContact(string Email, string Name);

/// <summary>Who to mail about a partner's endpoints; the portal, which knows partners, answers.</summary>
public interface IWebhookPartnerContacts
{
    Task<IReadOnlyList<WebhookContact>> AdminsOfAsync(Guid partnerId, CancellationToken cancellationToken);
}
