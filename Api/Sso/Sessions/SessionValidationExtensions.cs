using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Api.Sso.Sessions;

public static class SessionValidationExtensions
{
    /// <summary>
    /// A valid signature is not enough: the token's SSO session must still exist in Redis. So a
    /// logout, password reset, disable, delete or MFA reset ends access at once, on every replica,
    /// without waiting for the token to expire. If Redis cannot answer, the request fails (503).
    /// </summary>
    public static IServiceCollection AddSessionBoundTokens(this IServiceCollection services)
    {
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure(options =>
        {
            // Runs after the shared checks (scope, client), which a refused token never gets past.
            var sharedChecks = options.Events.OnTokenValidated;
            options.Events.OnTokenValidated = async context =>
            {
                await sharedChecks(context);
                if (context.Result is not null)
                {
                    return;
                }

                var (subject, sid) = (context.Principal?.GetUserId(), context.Principal?.GetSessionId());
                var sessions = context.HttpContext.RequestServices.GetRequiredService<SsoSessionStore>();
                if (subject is null || sid is null || !await sessions.ExistsAsync(subject, sid))
                {
                    context.Fail("The session of this token has ended.");
                }
            };
        });
        return services;
    }
}
