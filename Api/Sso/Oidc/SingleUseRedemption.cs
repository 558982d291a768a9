using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Api.Sso.Oidc;

/// <summary>
/// Marks a code or a refresh token redeemed before anything is issued for it, and refuses the
/// request when another one redeemed it first. Replaces OpenIddict's own handler, which ignores a
/// lost race for refresh tokens (its reuse leeway): fifty parallel refreshes with one token would
/// all get tokens. Here exactly one does; each loser is a replay, so the family is revoked
/// (<see cref="RefreshTokenReplay"/>), the winner's new refresh token with it.
/// </summary>
public sealed class SingleUseRedemption(IOpenIddictTokenManager tokens, RefreshTokenFamily families) :
    IOpenIddictServerHandler<OpenIddictServerEvents.ProcessSignInContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ProcessSignInContext>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireDegradedModeDisabled>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireTokenStorageEnabled>()
            .UseScopedHandler<SingleUseRedemption>()
            .SetOrder(OpenIddictServerHandlers.RedeemTokenEntry.Descriptor.Order)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(OpenIddictServerEvents.ProcessSignInContext context)
    {
        if (context.EndpointType is not OpenIddictServerEndpointType.Token)
        {
            return;
        }

        var authentication = context.Transaction.GetProperty<OpenIddictServerEvents.ProcessAuthenticationContext>(
            typeof(OpenIddictServerEvents.ProcessAuthenticationContext).FullName!);
        var principal = context.Request.IsAuthorizationCodeGrantType() ? authentication?.AuthorizationCodePrincipal
            : context.Request.IsRefreshTokenGrantType() ? authentication?.RefreshTokenPrincipal
            : null;
        if (principal?.GetTokenId() is not { Length: > 0 } id || await tokens.FindByIdAsync(id, context.CancellationToken) is not { } token)
        {
            return;
        }

        if (await tokens.TryRedeemAsync(token, context.CancellationToken))
        {
            return;
        }

        if (context.Request.IsRefreshTokenGrantType())
        {
            await families.RevokeAsync(principal.GetAuthorizationId(), context.CancellationToken);
        }

        context.Reject(Errors.InvalidGrant, context.Request.IsRefreshTokenGrantType()
            ? "The refresh token is no longer valid."
            : "The authorization code is no longer valid.");
    }
}
