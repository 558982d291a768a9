using Microsoft.Extensions.Options;

namespace RmmConsole;

/// <summary>
/// How the console reaches the platform's SSO (section <c>Oidc</c>): the issuer, and this
/// product's client id and secret there. The secret comes from the app host in Development and
/// from user secrets or the environment elsewhere (<c>Oidc__ClientSecret</c>); never from the repository.
/// </summary>
public sealed record OidcSettings(Uri Authority, string ClientId, string ClientSecret)
{
    /// <summary>Reads the settings, failing at start with a sentence that names what is missing.</summary>
    public static OidcSettings From(IConfiguration oidc)
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(oidc["Authority"], UriKind.Absolute, out var authority))
        {
            errors.Add("Oidc:Authority must be the absolute address of the platform's SSO issuer (the portal's origin).");
        }

        var clientId = oidc["ClientId"];
        if (string.IsNullOrWhiteSpace(clientId))
        {
            errors.Add("Oidc:ClientId must name this product's client at the SSO (rmm-console).");
        }

        var secret = oidc["ClientSecret"];
        if (string.IsNullOrWhiteSpace(secret))
        {
            errors.Add("Oidc:ClientSecret must be set (user secrets or the environment variable Oidc__ClientSecret); the app host generates one in Development.");
        }

        if (errors.Count > 0)
        {
            throw new OptionsValidationException("Oidc", typeof(OidcSettings), errors);
        }

        return new OidcSettings(authority!, clientId!, secret!);
    }
}
