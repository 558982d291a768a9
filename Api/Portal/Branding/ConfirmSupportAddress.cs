using Api.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Portal.Branding;

/// <summary>
/// The button on the page behind a support address's confirmation link (<see cref="SupportAddressConfirmation"/>):
/// confirms the address, so new-ticket notices are sent to it. Works once.
/// </summary>
public static class ConfirmSupportAddress
{
    public const string LinkNotValid = "This link has expired, has already been used, or is for an address that has since been changed. Ask the partner's admin to send a new one from Settings > Branding.";

    public static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        SupportAddressConfirmationRequest body, SupportAddressConfirmation confirmation, CancellationToken cancellationToken) =>
        await confirmation.ConfirmAsync(body.Token, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.BadRequest("Link not valid", LinkNotValid);
}

public sealed record SupportAddressConfirmationRequest(string? Token);
