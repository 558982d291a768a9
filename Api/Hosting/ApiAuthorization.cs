using Api.Admin.ApiClients;
using Api.Admin.Staff;
using Api.Sso.MachineClients;
using Api.Shared;
using Microsoft.AspNetCore.Authentication.JwtBearer;
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
        services.AddSingleton<IAuthorizationHandler, ApiClientScopeRequirement>();
        services.AddSingleton<IAuthorizationHandler, InPersonRequirement>();
        services.AddScoped<StaffAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, OnDemandAuthorizationHandler<StaffRequirement, StaffAuthorizationHandler>>();
        return services.AddAuthorizationBuilder()
            .AddPolicy(AuthorizationPolicies.MfaSession, policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new MfaSessionRequirement()))
            // The admin area and SCIM accept API client tokens too (their own authentication scheme,
            // their scopes instead of an MFA session); every other policy sees only people.
            .AddPolicy(AuthorizationPolicies.Staff, policy => policy
                .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme, MachineClientTokens.Scheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new MfaSessionRequirement { AcceptsApiClients = true }, new StaffRequirement(), ApiClientScopeRequirement.ForMethod))
            // A role is checked with the staff member the StaffRequirement resolves, so it comes with it.
            .AddPolicy(AuthorizationPolicies.Manager, policy => policy
                .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme, MachineClientTokens.Scheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new MfaSessionRequirement { AcceptsApiClients = true }, new StaffRequirement(), new ManagerRequirement(), ApiClientScopeRequirement.Write))
            .AddPolicy(AuthorizationPolicies.Scim, policy => policy
                .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme, MachineClientTokens.Scheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new MfaSessionRequirement { AcceptsApiClients = true }, new StaffRequirement(), new ScimProvisionerRequirement(), ApiClientScopeRequirement.Scim))
            .AddPolicy(AuthorizationPolicies.Operator, policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new MfaSessionRequirement(), new StaffRequirement(), new OperatorRequirement()))
            .AddPolicy(AuthorizationPolicies.InPerson, policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new InPersonRequirement()))
            .Services;
    }
}
