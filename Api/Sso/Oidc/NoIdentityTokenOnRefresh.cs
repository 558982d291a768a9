using OpenIddict.Abstractions;
using OpenIddict.Server;

namespace Api.Sso.Oidc;

/// <summary>
/// A refresh grant answers without a new ID token (OIDC Core 12.2 allows it): the user is the same,
/// the client keeps the ID token of its sign-in (oidc-client-ts does), and the refresh then costs
/// two signatures instead of three — the signatures are most of its CPU (docs/PERFORMANCE.md).
/// </summary>
public static class NoIdentityTokenOnRefresh
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ProcessSignInContext>()
            .UseInlineHandler(Skip)
            // Right after OpenIddict decides which tokens to make.
            .SetOrder(OpenIddictServerHandlers.EvaluateGeneratedTokens.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    private static ValueTask Skip(OpenIddictServerEvents.ProcessSignInContext context)
    {
        if (context.EndpointType is OpenIddictServerEndpointType.Token && context.Request.IsRefreshTokenGrantType())
        {
            context.GenerateIdentityToken = false;
            context.IncludeIdentityToken = false;
        }

        return ValueTask.CompletedTask;
    }
}
