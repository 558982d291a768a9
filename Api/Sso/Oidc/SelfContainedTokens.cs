using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Api.Sso.Oidc;

/// <summary>
/// Access and identity tokens are signed JWTs that nobody looks up: the Api and the products
/// validate them by signature and refuse them once their SSO session has ended (the Redis check
/// per request), and no introspection or revocation endpoint exists. OpenIddict would still
/// insert a row for each of them at every code redemption; this handler skips those two writes.
/// Authorization codes keep their rows: that is what makes a code single-use and revocable.
/// </summary>
public static class SelfContainedTokens
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.GenerateTokenContext>()
            .UseInlineHandler(SkipEntry)
            // Before OpenIddict's own handler decides on the entry, after it picked the credentials.
            .SetOrder(OpenIddictServerHandlers.Protection.CreateTokenEntry.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    private static ValueTask SkipEntry(OpenIddictServerEvents.GenerateTokenContext context)
    {
        if (context.TokenType is TokenTypeIdentifiers.AccessToken or TokenTypeIdentifiers.IdentityToken)
        {
            context.CreateTokenEntry = false;
            context.PersistTokenPayload = false;
        }

        return ValueTask.CompletedTask;
    }
}
