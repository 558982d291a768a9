using Api.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Api.Portal.PasswordSetup;

/// <summary>The set-password link of a new portal end user (not yet on SSO): anonymous, single use.</summary>
public static class PasswordSetupApi
{
    public static IEndpointRouteBuilder MapPasswordSetupApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/portal/password/setup", SetUpPassword.HandleAsync)
            .WithTags("Portal")
            .WithName("SetUpPortalPassword")
            .WithSummary("Sets the first password of a new end user (not yet migrated) from the link in their invitation e-mail.")
            .WithMetadata(new RequestSizeLimitAttribute(InputRules.MaxBodyBytes))
            .AllowAnonymous()
            .NoStore();
        return app;
    }
}
