using Api.Admin.Staff;
using Microsoft.AspNetCore.Authorization;


namespace Api.Infrastructure;

/// <summary>The Api's authorization policies; role names come from <see cref="ProductRoles"/> (one vocabulary).</summary>
public static class AuthorizationPolicies
{
    /// <summary>A platform operator whose session was opened with a second factor.</summary>
    public const string PlatformOperator = "platform-operator";

    /// <summary>
    /// Partner staff or a platform operator whose session was opened with a second factor: the
    /// admin area. A legacy or password-only session never gets in, nor does an end user.
    /// </summary>
    public const string Staff = "staff";

    /// <summary>Anyone signed in through SSO with a second factor, whatever their roles: answers that only an account's owner may give.</summary>
    public const string MfaSession = "mfa-session";

    public static IServiceCollection AddApiAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResults>();
        services.AddSingleton<IAuthorizationHandler, MfaSessionRequirement>();
        services.AddScoped<StaffAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, OnDemandAuthorizationHandler<StaffRequirement, StaffAuthorizationHandler>>();
        return services.AddAuthorizationBuilder()
            .AddPolicy(PlatformOperator, policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new MfaSessionRequirement())
                .RequireRole(ProductRoles.PlatformOperator))
            .AddPolicy(MfaSession, policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new MfaSessionRequirement()))
            .AddPolicy(Staff, policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new MfaSessionRequirement(), new StaffRequirement()))
            .Services;
    }
}
