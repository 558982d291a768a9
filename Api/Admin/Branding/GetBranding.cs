using Api.Admin.Staff;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin.Branding;

public static class GetBranding
{
    public static async Task<Results<Ok<BrandingSettings>, ProblemHttpResult>> HandleAsync(
        StaffMember staff, [AsParameters] BrandingServices s, CancellationToken cancellationToken) =>
        staff.PartnerId is { } partnerId
            ? TypedResults.Ok(await s.SettingsAsync(partnerId, cancellationToken))
            : BrandingServices.NoPartner();
}
