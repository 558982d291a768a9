using OpenIddict.Abstractions;

namespace Api.Sso.Oidc;

/// <summary>
/// A refresh token's family is its authorization: the code and every refresh token rotated from it
/// (one per page load of the portal, see <see cref="Authorize"/>). Revoking the family revokes the
/// authorization too, so a refresh token minted by a request still in flight is refused at its
/// first use (OpenIddict checks the authorization at every refresh), not only the rows existing now.
/// </summary>
public sealed class RefreshTokenFamily(IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens)
{
    public async Task RevokeAsync(string? authorizationId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(authorizationId))
        {
            return;
        }

        if (await authorizations.FindByIdAsync(authorizationId, cancellationToken) is { } authorization)
        {
            // False only when a concurrent request changed it first (most likely revoking it too).
            await authorizations.TryRevokeAsync(authorization, cancellationToken);
        }

        await tokens.RevokeByAuthorizationIdAsync(authorizationId, cancellationToken);
    }
}
