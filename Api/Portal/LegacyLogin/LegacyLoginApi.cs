using Api.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Api.Portal.LegacyLogin;

/// <summary>The portal's own login form, for end users not yet migrated to SSO (<see cref="LogInLegacyUser"/>).</summary>
public static class LegacyLoginApi
{
    public static IEndpointRouteBuilder MapLegacyLoginApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/legacy/login", LogInLegacyUser.HandleAsync)
            .WithTags("Legacy login")
            .WithName("LegacyLogin")
            .WithSummary("Logs in an end user who is not yet migrated to SSO.")
            .WithMetadata(new RequestSizeLimitAttribute(InputRules.MaxBodyBytes))
            .AllowAnonymous()
            .NoStore();
        return app;
    }
}
