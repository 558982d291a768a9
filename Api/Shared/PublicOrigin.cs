using Microsoft.Extensions.Options;

namespace Api.Shared;

/// <summary>The portal's public origin (also the SSO's issuer), where links in e-mails point.</summary>
public static class PublicOrigin
{
    /// <summary><c>Identity:Issuer</c>, always with a trailing slash (as OpenIddict writes it).</summary>
    public static string Of(IConfiguration configuration)
    {
        var issuer = configuration["Identity:Issuer"];
        if (string.IsNullOrWhiteSpace(issuer) && OpenApiGeneration.IsRunning)
        {
            return "http://localhost/";
        }

        if (string.IsNullOrWhiteSpace(issuer))
        {
            throw new OptionsValidationException("Identity:Issuer", typeof(string),
                ["Identity:Issuer is not set: it must be the public origin of the portal, e.g. http://localhost:5173/."]);
        }

        return issuer.EndsWith('/') ? issuer : issuer + "/";
    }
}
