using Api.Shared;
using Api.Shared.Links;
using Api.Mail;

namespace Api.Portal.AccessRequests;

/// <summary>
/// The e-mails of an access request: to the owner of an existing SSO account, asking them to accept
/// the portal access a partner offers; and to the partner's admins when the owner declines.
/// </summary>
public sealed class AccessRequestEmails(Outbox outbox, OneTimeLinks links, IConfiguration configuration)
{
    public const string RequestKind = "access-request";
    public const string DeclinedKind = "access-declined";

    /// <summary>Long enough for a holiday; the partner can ask again after.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    private string Origin => PublicOrigin.Of(configuration);

    public void QueueRequest(EndUser user, string accountEmail, string accountName, string partnerName, string clientName)
    {
        var link = $"{Origin}access-request?token={links.Create(user.Id.ToString(), LinkPurpose.PortalAccessRequest, Lifetime)}";
        outbox.Enqueue(RequestKind, accountEmail, MailTemplate.Compose(
            $"{partnerName} wants to give you access to the End User Portal of {clientName}",
            accountName,
            $"{partnerName} wants to give you access to the End User Portal of {clientName}, with the single sign-on account you already have. Nothing changes on your account unless you accept. Open this link, sign in as usual and choose Accept or Decline:",
            link,
            "Review the request",
            $"The link works once and expires in {Lifetime.TotalDays:0} days. If you do not know {partnerName}, open the link and choose \"This was not me\": the request is declined and {partnerName} is told."),
            new MailAbout(EndUserId: user.Id, PartnerId: user.PartnerId));
    }

    public void QueueDeclined(EndUser user, string adminEmail, string adminName, string clientName, bool notMe)
    {
        var why = notMe
            ? "said they do not know your organisation (\"This was not me\")"
            : "declined it";
        outbox.Enqueue(DeclinedKind, adminEmail, MailTemplate.Compose(
            $"{user.DisplayName} declined access to the End User Portal of {clientName}",
            adminName,
            $"You asked the owner of the single sign-on account {user.Email} to accept access to the End User Portal of {clientName}. They {why}. The end user stays without portal access; check the address in Manage Users.",
            $"{Origin}admin/settings/account-administration/users/manage-users?search={Uri.EscapeDataString(user.Email)}",
            "Open Manage Users",
            "You receive this because you are an administrator of this client's IT provider."),
            new MailAbout(EndUserId: user.Id, PartnerId: user.PartnerId));
    }
}
