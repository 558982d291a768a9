using Api.Admin.Staff;
using Microsoft.AspNetCore.Authorization;


namespace Api.Infrastructure;

/// <summary>
/// The Api's authorization policies, the one way endpoints are authorised (no endpoint filters);
/// role names come from <see cref="ProductRoles"/> (one vocabulary). A refusal answers 403
/// ProblemDetails with the failing requirement's sentence (<see cref="ProblemAuthorizationResults"/>).
/// </summary>
public static class AuthorizationPolicies
{
    /// <summary>
    /// Partner staff or a platform operator, with an account in good standing and a session opened
    /// with a second factor: the admin area. A legacy or password-only session never gets in, nor does an end user.
    /// </summary>
    public const string Staff = "staff";

    /// <summary>Staff who may change things: partner admins and operators, not technicians (who read, resend activation and unlock).</summary>
    public const string Manager = "manager";

    /// <summary>Platform operators: the migration console and the platform's status.</summary>
    public const string Operator = "operator";

    /// <summary>Anyone signed in through SSO with a second factor, whatever their roles: answers that only an account's owner may give.</summary>
    public const string MfaSession = "mfa-session";

    public static IServiceCollection AddApiAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResults>();
        services.AddSingleton<IAuthorizationHandler, MfaSessionRequirement>();
        services.AddScoped<StaffAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, OnDemandAuthorizationHandler<StaffRequirement, StaffAuthorizationHandler>>();
        return services.AddAuthorizationBuilder()
            .AddPolicy(MfaSession, policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new MfaSessionRequirement()))
            .AddPolicy(Staff, policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new MfaSessionRequirement(), new StaffRequirement()))
            // A role is checked with the staff member the StaffRequirement resolves, so it comes with it.
            .AddPolicy(Manager, policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new MfaSessionRequirement(), new StaffRequirement(), new ManagerRequirement()))
            .AddPolicy(Operator, policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new MfaSessionRequirement(), new StaffRequirement(), new OperatorRequirement()))
            .Services;
    }
}
