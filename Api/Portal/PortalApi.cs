using Api.Portal.Devices;
using Api.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Api.Portal;

/// <summary>The signed-in end user's own data: profile, their partner's branding and support contact, (legacy users only) password change, devices.</summary>
public static class PortalApi
{
    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder app)
    {
        var portal = app.MapGroup("/api/portal").WithTags("Portal").RequireAuthorization().NoStore();
        portal.MapGet("/me", GetMe.HandleAsync)
            .WithName("GetMe")
            .WithSummary("The signed-in end user's profile and role, their partner's branding and whom to contact for help.");
        portal.MapPost("/me/password", ChangePassword.HandleAsync)
            .WithName("ChangePassword")
            .WithSummary("Changes a legacy (not yet migrated) user's password. Migrated users use Forgot Password on the SSO screen.")
            .WithMetadata(new RequestSizeLimitAttribute(InputRules.MaxBodyBytes));
        portal.MapDevicesApi();
        return app;
    }
}
