using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

// The JWT bearer setup every API of the platform shares: tokens issued by the platform's SSO,
// with issuer, audience, lifetime and signature all validated.
public static class AuthenticationExtensions
{
    public static AuthenticationBuilder AddDefaultJwtBearer(this IHostApplicationBuilder builder, Action<JwtBearerOptions>? configure = null)
    {
        var identity = builder.Configuration.GetSection("Identity");
        var authentication = builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme);
        authentication.AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.Audience = identity["Audience"];
            options.TokenValidationParameters.ValidateIssuer = true;
            options.TokenValidationParameters.ValidateAudience = true;
            options.TokenValidationParameters.ValidateLifetime = true;
            options.TokenValidationParameters.ValidateIssuerSigningKey = true;
            options.TokenValidationParameters.RequireSignedTokens = true;
            options.TokenValidationParameters.NameClaimType = "name";
            options.TokenValidationParameters.RoleClaimType = "role";
            // Access tokens live five minutes; thirty seconds of skew is enough for real clocks.
            options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
            configure?.Invoke(options);
        });
        return authentication;
    }
}
