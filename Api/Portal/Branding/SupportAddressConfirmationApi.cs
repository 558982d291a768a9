using Api.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Api.Portal.Branding;

/// <summary>
/// The link in a support address's confirmation e-mail: anonymous (whoever reads that mailbox need
/// not be a user), single use, and acted on only when the page's button is pressed, never by
/// opening the link (mail scanners open links).
/// </summary>
public static class SupportAddressConfirmationApi
{
    public static IEndpointRouteBuilder MapSupportAddressConfirmationApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/branding/support-address/confirm", ConfirmSupportAddress.HandleAsync)
            .WithTags("Portal")
            .WithName("ConfirmSupportAddress")
            .WithSummary("From the link in a support address's confirmation e-mail: confirms the address, so new-ticket notices are sent to it. Works once.")
            .WithMetadata(new RequestSizeLimitAttribute(InputRules.MaxBodyBytes))
            .AllowAnonymous()
            .NoStore();
        return app;
    }
}
