using Api.Shared;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Api.Sso.Keys;

public static class TokenValidationExtensions
{
    public const string ApiAudience = "portal-api";

    /// <summary>
    /// JWT bearer for the Api: tokens must be signed by one of our ring's keys, issued by our
    /// issuer, for our audience, unexpired, access tokens (at+jwt) with the portal-api scope, and
    /// issued to a client allowed to call the portal (by default only the portal SPA).
    /// </summary>
    public static IHostApplicationBuilder AddSsoTokenValidation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SigningKeyOptions>().BindConfiguration("Identity:Keys");
        builder.Services.AddSingleton<SigningKeyRing>();
        if (!OpenApiGeneration.IsRunning)
        {
            builder.Services.AddHostedService<SigningKeyRing.SigningKeyRefresher>();
        }
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.Configuration["Identity:Audience"] ??= ApiAudience;
        builder.Configuration["Identity:Scope"] ??= Oidc.OidcServerExtensions.ApiScope;
        if (builder.Configuration.GetSection("Identity:AllowedClients").Get<string[]>() is not { Length: > 0 })
        {
            builder.Configuration["Identity:AllowedClients:0"] = Oidc.OidcServerExtensions.PortalClientId;
        }

        builder.AddDefaultJwtBearer();
        builder.Services.AddOptions<Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions>(
                Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyRing, IConfiguration>(UseRing);
        return builder;
    }

    /// <summary>Our ring's keys (read at every validation, so a rotation needs no restart), our issuer, our two algorithms.</summary>
    public static void UseRing(Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions options, SigningKeyRing ring, IConfiguration configuration)
    {
        var issuer = PublicOrigin.Of(configuration);
        options.TokenValidationParameters.ValidIssuers = [issuer, issuer.TrimEnd('/')];
        options.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, keyId, _) => ring.ValidationKeysFor(keyId);
        // Only our two asymmetric algorithms: rejects alg=none and HMAC key-confusion tokens outright.
        options.TokenValidationParameters.ValidAlgorithms =
            [Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha256, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.EcdsaSha256];
    }
}
