using Api.Sso.Sessions;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Api.Sso.Oidc;

/// <summary>
/// A refresh token is only as good as its SSO session (the token's <c>sid</c>, in Redis, so every
/// replica sees a logout, a disable, a password or MFA reset, or "sign out other sessions" at
/// once): a refresh grant whose session has ended is refused and its family revoked. A refresh
/// that succeeds counts as activity and slides the session's idle timeout, as a silent sign-in does.
/// </summary>
public sealed class RefreshTokenSession(SsoSessionStore sessions, RefreshTokenFamily families) :
    IOpenIddictServerHandler<OpenIddictServerEvents.ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ValidateTokenRequestContext>()
            .UseScopedHandler<RefreshTokenSession>()
            // After OpenIddict has validated the refresh token itself (and its client).
            .SetOrder(int.MaxValue - 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(OpenIddictServerEvents.ValidateTokenRequestContext context)
    {
        if (!context.Request.IsRefreshTokenGrantType() || context.RefreshTokenPrincipal is not { } principal)
        {
            return;
        }

        var subject = principal.GetClaim(Claims.Subject);
        var sid = principal.GetClaim("sid");
        if (subject is not null && sid is not null && await sessions.TouchAsync(subject, sid) is not null)
        {
            return;
        }

        await families.RevokeAsync(principal.GetAuthorizationId(), context.CancellationToken);
        context.Reject(Errors.InvalidGrant, "The sign-in session has ended.");
    }
}
