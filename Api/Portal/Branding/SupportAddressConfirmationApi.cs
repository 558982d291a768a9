using Api.Shared;
using Api.Sso.Login;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Api.Portal.Branding;

/// <summary>
/// The link in a support address's confirmation e-mail: anonymous (whoever reads that mailbox need
/// not be a user), single use, and acted on only when the page's button is pressed, never by
/// opening the link (mail scanners open links).
/// </summary>
public static class SupportAddressConfirmationApi
{
    public const string LinkNotValid = "This link has expired, has already been used, or is for an address that has since been changed. Ask the partner's admin to send a new one from Settings > Branding.";

    public static IEndpointRouteBuilder MapSupportAddressConfirmationApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/branding/support-address/confirm", Confirm)
            .WithTags("Portal")
            .WithName("ConfirmSupportAddress")
            .WithSummary("From the link in a support address's confirmation e-mail: confirms the address, so new-ticket notices are sent to it. Works once.")
            .WithMetadata(new RequestSizeLimitAttribute(InputRules.MaxBodyBytes))
            .AllowAnonymous()
            .NoStore();
        return app;
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Confirm(
        SupportAddressConfirmationRequest body, SupportAddressConfirmation confirmation, CancellationToken cancellationToken) =>
        await confirmation.ConfirmAsync(body.Token, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.BadRequest("Link not valid", LinkNotValid);
}

public sealed record SupportAddressConfirmationRequest(string? Token);
