using Api.Admin.Staff;
using Api.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Branding;

/// <summary>
/// Mails the support address's confirmation link again (the first went astray, or expired). Only
/// while the address waits for confirmation, and within the partner's and the address's e-mail
/// limits like every e-mail a staff action sends.
/// </summary>
public static class ResendSupportAddressConfirmation
{
    public static async Task<Results<Accepted, ProblemHttpResult>> HandleAsync(
        StaffMember staff, [AsParameters] BrandingServices s, CancellationToken cancellationToken)
    {
        if (staff.PartnerId is not { } partnerId)
        {
            return BrandingServices.NoPartner();
        }

        var branding = await s.Db.PartnerBrandings.AsNoTracking()
            .Where(b => b.PartnerId == partnerId)
            .Select(b => new { b.SupportEmail, b.SupportEmailConfirmedAt, PartnerName = b.Partner!.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (branding?.SupportEmail is not { } address)
        {
            return Problems.Status(StatusCodes.Status409Conflict, "No support address", "There is no support e-mail address to confirm. Enter one first.");
        }

        if (branding.SupportEmailConfirmedAt is not null)
        {
            return Problems.Status(StatusCodes.Status409Conflict, "Already confirmed", $"{address} is already confirmed; there is nothing to resend.");
        }

        if (await s.MailBudget.TryTakeAsync(partnerId, address) is { } tooMany)
        {
            return tooMany.Problem;
        }

        s.SupportAddress.Queue(partnerId, branding.PartnerName, address);
        await s.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted((string?)null);
    }
}
