using System.Security.Cryptography;
using System.Text;
using Api.Data;
using Api.Shared;
using Api.Shared.Transactions;
using Api.Shared.Links;
using Api.Mail;
using Microsoft.EntityFrameworkCore;

namespace Api.Portal.Branding;

/// <summary>
/// A partner's support address receives new-ticket notices only once someone who reads it opened
/// the single-use link we mailed to it. The link names the partner and the address it was sent to
/// (as a hash): after a change of address an older link confirms nothing.
/// </summary>
public sealed class SupportAddressConfirmation(AppDbContext db, Outbox outbox, OneTimeLinks links, IConfiguration configuration, TimeProvider clock)
{
    public const string Kind = "support-address-confirmation";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private string Origin => PublicOrigin.Of(configuration);

    /// <summary>Adds the link and its e-mail to the caller's unit of work (saved with it).</summary>
    public void Queue(Guid partnerId, string partnerName, string address)
    {
        var token = links.Create(SubjectOf(partnerId, address), LinkPurpose.SupportAddress, Lifetime);
        outbox.Enqueue(Kind, address, MailTemplate.Compose(
            "Confirm your support address for the End User Portal",
            $"{partnerName} support team",
            $"This address was entered as the support contact of {partnerName} on the End User Portal. Confirm that it is yours, and new-ticket notices will be sent to it:",
            $"{Origin}confirm-support-address?token={Uri.EscapeDataString(token)}",
            "Confirm this address",
            $"The link works once and expires in {Lifetime.TotalDays:0} days. If you do not know why you received this, ignore it: nothing will be sent to this address."));
    }

    /// <summary>
    /// Uses the link once: the partner's address is confirmed if it is still the one the link was
    /// sent to. False when the link is not valid (malformed, unknown, expired, used, or for an
    /// address that has since been changed).
    /// </summary>
    public async Task<bool> ConfirmAsync(string? token, CancellationToken cancellationToken)
    {
        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        var subject = await links.ConsumeAsync(token, LinkPurpose.SupportAddress, cancellationToken);
        if (subject?.Split('.') is not [var partnerText, var addressHash] || !Guid.TryParseExact(partnerText, "N", out var partnerId))
        {
            return false;
        }

        var address = await db.PartnerBrandings.Where(b => b.PartnerId == partnerId).Select(b => b.SupportEmail).FirstOrDefaultAsync(cancellationToken);
        if (address is null || SubjectOf(partnerId, address) != subject)
        {
            return false;
        }

        // Conditional on the address read, so a change committed meanwhile is not confirmed by this link.
        var now = clock.GetUtcNow().UtcDateTime;
        var confirmed = await db.PartnerBrandings
            .Where(b => b.PartnerId == partnerId && b.SupportEmail == address)
            .ExecuteUpdateAsync(set => set.SetProperty(b => b.SupportEmailConfirmedAt, b => b.SupportEmailConfirmedAt ?? now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return confirmed == 1;
    }

    // "{partner}.{first 16 bytes of SHA-256 of the address}": fits the link's 64-character subject.
    private static string SubjectOf(Guid partnerId, string address) =>
        $"{partnerId:N}.{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address.ToLowerInvariant()))[..16])}";
}
