using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

// The JWT bearer setup every API of the platform shares: access tokens issued by the platform's
// SSO, with issuer, audience, lifetime and signature validated, and bound to this API's scope and
// allowed clients (AccessTokenRules).
public static class AuthenticationExtensions
{
    public static AuthenticationBuilder AddDefaultJwtBearer(this IHostApplicationBuilder builder, Action<JwtBearerOptions>? configure = null)
    {
        var identity = builder.Configuration.GetSection("Identity");
        var rules = AccessTokenRules.From(identity);
        var authentication = builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme);
        authentication.AddJwtBearer(options =>
        {
            ConfigureValidation(options, identity);
            options.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    if (rules.RefusalOf(context.Principal!) is { } refusal)
                    {
                        context.Fail(refusal);
                    }

                    return Task.CompletedTask;
                },
            };
            configure?.Invoke(options);
        });
        return authentication;
    }

    /// <summary>
    /// The checks of a token every scheme of the platform's APIs makes (one place, so a second scheme
    /// for machine clients validates exactly as the people's does): issuer, audience, lifetime, signature, at+jwt.
    /// </summary>
    public static void ConfigureValidation(JwtBearerOptions options, IConfiguration identity)
    {
        options.MapInboundClaims = false;
        options.Audience = identity["Audience"];
        options.TokenValidationParameters.ValidateIssuer = true;
        options.TokenValidationParameters.ValidateAudience = true;
        options.TokenValidationParameters.ValidateLifetime = true;
        options.TokenValidationParameters.ValidateIssuerSigningKey = true;
        options.TokenValidationParameters.RequireSignedTokens = true;
        options.TokenValidationParameters.ValidTypes = AccessTokenRules.AccessTokenTypes;
        options.TokenValidationParameters.NameClaimType = "name";
        options.TokenValidationParameters.RoleClaimType = "role";
        // Access tokens live minutes; thirty seconds of skew is enough for real clocks.
        options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
    }
}
