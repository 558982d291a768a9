using Api.Admin.Staff;
using Api.Shared;
using Microsoft.AspNetCore.Authorization;

namespace Api.Hosting;

/// <summary>
/// Defines the <see cref="AuthorizationPolicies"/>. A refusal answers 403 ProblemDetails with the
/// failing requirement's sentence (<see cref="ProblemAuthorizationResults"/>).
/// </summary>
public static class ApiAuthorization
{
    public static IServiceCollection AddApiAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResults>();
        services.AddSingleton<IAuthorizationHandler, MfaSessionRequirement>();
        services.AddScoped<StaffAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, OnDemandAuthorizationHandler<StaffRequirement, StaffAuthorizationHandler>>();
        return services.AddAuthorizationBuilder()
            .AddPolicy(AuthorizationPolicies.MfaSession, policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new MfaSessionRequirement()))
            .AddPolicy(AuthorizationPolicies.Staff, policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new MfaSessionRequirement(), new StaffRequirement()))
            // A role is checked with the staff member the StaffRequirement resolves, so it comes with it.
            .AddPolicy(AuthorizationPolicies.Manager, policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new MfaSessionRequirement(), new StaffRequirement(), new ManagerRequirement()))
            .AddPolicy(AuthorizationPolicies.Operator, policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new MfaSessionRequirement(), new StaffRequirement(), new OperatorRequirement()))
            .AddPolicy(AuthorizationPolicies.Scim, policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new MfaSessionRequirement(), new StaffRequirement(), new ScimProvisionerRequirement()))
            .Services;
    }
}
