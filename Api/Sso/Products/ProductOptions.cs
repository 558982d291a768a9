namespace Api.Sso.Products;

/// <summary>
/// The platform's products that sign in through our SSO (<c>Sso:Products</c>), keyed by client id:
/// each becomes an OpenID Connect client at start. The portal SPA is configured in
/// appsettings.json; other products come from the deployment (in Development from the AppHost),
/// their secrets from the environment or a secret store, never from the repository.
/// </summary>
public sealed class ProductOptions
{
    public const string SectionName = "Sso";

    public Dictionary<string, ProductSettings> Products { get; set; } = new(StringComparer.Ordinal);
}

public enum ProductApplicationType
{
    /// <summary>A browser app: no secret, code + PKCE only.</summary>
    Public,

    /// <summary>A server-side app: authenticates at the token endpoint with its client secret (and PKCE).</summary>
    Confidential,
}

/// <summary>One product as configured. Relative URIs resolve against the issuer's origin.</summary>
public sealed class ProductSettings
{
    public string? DisplayName { get; set; }

    public ProductApplicationType Type { get; set; } = ProductApplicationType.Public;

    /// <summary>The audience of the product's access tokens (its API), also the scope that asks for it.</summary>
    public string? Audience { get; set; }

    public List<string> RedirectUris { get; set; } = [];

    public List<string> PostLogoutRedirectUris { get; set; } = [];

    /// <summary>Where the product receives OIDC Back-Channel Logout tokens when an SSO session ends; none when empty.</summary>
    public string? BackChannelLogoutUri { get; set; }

    /// <summary>The roles this product knows: its tokens carry these of the account's roles, and no others.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>The roles a partner admin may give or take in Home &gt; User Management.</summary>
    public List<string> AssignableRoles { get; set; } = [];

    /// <summary>
    /// Whether the product may ask for refresh tokens (scope <c>offline_access</c>): rotated at each use,
    /// a replay revokes the whole chain, and none outlives its SSO session. Off unless configured.
    /// </summary>
    public bool AllowRefreshTokens { get; set; }

    /// <summary>Confidential clients only, at least 32 characters.</summary>
    public string? ClientSecret { get; set; }
}
