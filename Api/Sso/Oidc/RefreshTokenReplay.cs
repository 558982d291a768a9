using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Api.Sso.Oidc;

/// <summary>
/// Reuse detection (RFC 9700 §4.14.2): a refresh token presented after it was used (or revoked)
/// is a replay: one of the two holders is not the user. The whole family is revoked, the newest
/// refresh token included, and the legitimate tab falls back to a silent sign-in with its SSO
/// cookie. OpenIddict alone would revoke only the tokens (and allow a 30 s reuse leeway, which we
/// set to none, see <see cref="OidcServerExtensions"/>); this also revokes the authorization.
/// </summary>
public sealed class RefreshTokenReplay(IOpenIddictTokenManager tokens, RefreshTokenFamily families) :
    IOpenIddictServerHandler<OpenIddictServerEvents.ValidateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ValidateTokenContext>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireDegradedModeDisabled>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireTokenStorageEnabled>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireTokenIdResolved>()
            .UseScopedHandler<RefreshTokenReplay>()
            // Just before OpenIddict's own check of the token's row.
            .SetOrder(OpenIddictServerHandlers.Protection.ValidateTokenEntry.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(OpenIddictServerEvents.ValidateTokenContext context)
    {
        if (context.Principal is null || !context.Principal.HasTokenType(TokenTypeIdentifiers.RefreshToken))
        {
            return;
        }

        var token = await tokens.FindByIdAsync(context.TokenId!, context.CancellationToken);
        if (token is null || await tokens.HasStatusAsync(token, Statuses.Valid, context.CancellationToken))
        {
            return;
        }

        if (await tokens.HasStatusAsync(token, Statuses.Redeemed, context.CancellationToken))
        {
            await families.RevokeAsync(context.AuthorizationId, context.CancellationToken);
        }

        context.Reject(Errors.InvalidGrant, "The refresh token is no longer valid.");
    }
}
