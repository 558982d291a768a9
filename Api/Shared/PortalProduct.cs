namespace Api.Shared;

/// <summary>
/// The portal as a product of the SSO: its OIDC client id. The SSO registers the portal under it;
/// the portal's side (the migration funnel) recognises its own sign-ins by it without reaching
/// into the SSO's OIDC internals.
/// </summary>
public static class PortalProduct
{
    public const string ClientId = "portal-spa";
}
