using Api.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Api.Admin.Branding;

/// <summary>
/// Settings &gt; Branding: how the portal looks to the partner's end users (colour, logo) and whom
/// they contact for help. A partner's own setting: technicians read it, partner admins change it,
/// operators (who belong to no partner) are told to ask the partner. Every real change is audited.
/// </summary>
public static class BrandingApi
{
    public static RouteGroupBuilder MapBrandingApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/branding", GetBranding.HandleAsync)
            .WithName("GetBranding")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The partner's branding and support contact, as the portal shows them.");
        admin.MapPut("/branding", UpdateBranding.HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.Manager)
            .WithMetadata(new RequestSizeLimitAttribute(InputRules.MaxBodyBytes))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("UpdateBranding")
            .WithSummary("Sets the partner's colour (#rrggbb) and support e-mail, phone and hours; empty clears a field. A new support e-mail is mailed a confirmation link and gets new-ticket notices once confirmed.");
        admin.MapPost("/branding/support-email/confirmation", ResendSupportAddressConfirmation.HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.Manager)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("ResendSupportAddressConfirmation")
            .WithSummary("Mails the support address's confirmation link again while it waits for confirmation; within the partner's and the address's e-mail limits.");
        admin.MapPut("/branding/logo", UploadLogo.HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.Manager)
            .DisableAntiforgery()
            .Accepts<LogoUpload>("multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(UploadLogo.MaxRequestBytes))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithName("UploadBrandingLogo")
            .WithSummary("Replaces the partner's logo: PNG, JPEG or WebP (recognised by content, never SVG), at most 256 KB.");
        admin.MapDelete("/branding/logo", DeleteLogo.HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.Manager)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("DeleteBrandingLogo")
            .WithSummary("Removes the partner's logo: the portal shows the partner's name alone.");
        return admin;
    }
}
