using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RmmConsole;

/// <summary>
/// The RMM API's smallest endpoint: who the bearer of an access token is, and their RMM roles. It
/// accepts only access tokens issued for this product (audience and scope <c>rmm-api</c>, client
/// rmm-console, section <c>Identity</c>): a portal token is refused with 401, as the portal refuses
/// an RMM token. A token whose SSO session ended (back-channel logout) is refused too.
/// </summary>
public static class WhoAmIApi
{
    public const string Path = "/api/whoami";

    public sealed record WhoAmI(string Name, IReadOnlyList<string> Roles);

    public static IHostApplicationBuilder AddWhoAmIApi(this IHostApplicationBuilder builder)
    {
        var settings = OidcSettings.From(builder.Configuration.GetSection("Oidc"));
        var development = builder.Environment.IsDevelopment();
        builder.AddDefaultJwtBearer(options =>
        {
            options.Authority = settings.Authority.ToString();
            options.RequireHttpsMetadata = !development;
            var checkTokenRules = options.Events.OnTokenValidated;
            options.Events.OnTokenValidated = async context =>
            {
                await checkTokenRules(context);
                var ended = context.HttpContext.RequestServices.GetRequiredService<EndedSessions>();
                if (context.Result is null
                    && await ended.HasEndedAsync(context.Principal!, IssuedAt(context.SecurityToken), context.HttpContext.RequestAborted))
                {
                    context.Fail("The session of this token has ended.");
                }
            };
        });
        return builder;
    }

    private static DateTimeOffset? IssuedAt(SecurityToken token) =>
        token is JsonWebToken { IssuedAt: var issuedAt } && issuedAt != DateTime.MinValue ? new DateTimeOffset(issuedAt, TimeSpan.Zero) : null;

    public static IEndpointRouteBuilder MapWhoAmIApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpContext http) =>
            {
                var roles = ConsoleRoles.Of(http.User);
                return roles.Count == 0
                    ? Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "No role in the RMM Console.",
                        detail: "You have no role in the RMM Console. Ask your partner admin for one in Home > User Management.")
                    : Results.Ok(new WhoAmI(http.User.Identity?.Name ?? "", roles));
            })
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = JwtBearerDefaults.AuthenticationScheme });
        return app;
    }
}
