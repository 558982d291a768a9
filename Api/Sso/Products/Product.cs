namespace Api.Sso.Products;

/// <summary>A configured product as the rest of the Api sees it: validated, its URIs absolute, no secret.</summary>
public sealed record Product(
    string ClientId,
    string DisplayName,
    ProductApplicationType Type,
    string Audience,
    IReadOnlyList<Uri> RedirectUris,
    IReadOnlyList<Uri> PostLogoutRedirectUris,
    Uri? BackChannelLogoutUri,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> AssignableRoles,
    bool AllowsRefreshTokens = false)
{
    public bool IsConfidential => Type == ProductApplicationType.Confidential;
}
