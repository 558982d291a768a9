using Api.Admin.EndUsers;
using Api.Admin.Staff;
using Api.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin.Branding;

/// <summary>Removes the partner's logo; removing none changes nothing.</summary>
public static class DeleteLogo
{
    public static async Task<Results<Ok<BrandingSettings>, ProblemHttpResult>> HandleAsync(
        StaffMember staff, [AsParameters] BrandingServices s, CancellationToken cancellationToken)
    {
        var settings = await s.ChangeAsync(staff, branding =>
        {
            if (branding.LogoId is null)
            {
                return null;
            }

            var before = new { logoId = branding.LogoId };
            branding.Logo = null;
            branding.LogoContentType = null;
            branding.LogoId = null;
            return new AuditedChange(AuditActions.LogoRemoved, before);
        }, cancellationToken);
        return settings is null ? BrandingServices.NoPartner() : TypedResults.Ok(settings);
    }
}
