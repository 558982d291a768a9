using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Api.Sso.Oidc;

/// <summary>
/// OpenIddict's own log is quiet in production (its Information lines repeat every request and
/// response, several per sign-in); what an operator must still see is every authorize or token
/// request the provider refused: a replayed code, a wrong PKCE verifier, an unknown client or
/// redirect URI. One Warning each, with the error and the client, never a code, token or secret.
/// "Not signed in" answers to silent renewals (prompt=none) are the normal case and not logged.
/// </summary>
public sealed partial class RejectedRequestLog(ILogger<RejectedRequestLog> logger) :
    IOpenIddictServerHandler<OpenIddictServerEvents.ApplyAuthorizationResponseContext>,
    IOpenIddictServerHandler<OpenIddictServerEvents.ApplyTokenResponseContext>
{
    public static OpenIddictServerHandlerDescriptor AuthorizationDescriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ApplyAuthorizationResponseContext>()
            .UseSingletonHandler<RejectedRequestLog>()
            .SetOrder(int.MinValue + 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public static OpenIddictServerHandlerDescriptor TokenDescriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ApplyTokenResponseContext>()
            .UseSingletonHandler<RejectedRequestLog>()
            // After OpenIddict turns invalid_token into the invalid_grant the client receives (same
            // order as ours would leave which runs first to chance, and handlers were added since).
            .SetOrder(OpenIddictServerHandlers.Exchange.NormalizeErrorResponse.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(OpenIddictServerEvents.ApplyAuthorizationResponseContext context)
    {
        if (context.Error is { } error && error is not (Errors.LoginRequired or Errors.InteractionRequired or Errors.ConsentRequired or Errors.AccountSelectionRequired))
        {
            Rejected("authorize", error, context.Response.ErrorDescription, context.Request?.ClientId);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask HandleAsync(OpenIddictServerEvents.ApplyTokenResponseContext context)
    {
        if ((context.Response.Error ?? context.Error) is { } error)
        {
            Rejected("token", error, context.Response.ErrorDescription, context.Request?.ClientId);
        }

        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "OpenID Connect {Endpoint} request refused: {Error} ({ErrorDescription}), client {ClientId}")]
    private partial void Rejected(string endpoint, string error, string? errorDescription, string? clientId);
}
