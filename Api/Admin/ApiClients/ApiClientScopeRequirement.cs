using Api.Shared;
using Api.Sso.MachineClients;
using Microsoft.AspNetCore.Authorization;

namespace Api.Admin.ApiClients;

/// <summary>
/// What an API client's token must carry to pass a policy; a staff session passes by its own
/// requirements. <see cref="ForMethod"/> (the admin area): admin.write, or admin.read on a GET or
/// HEAD; <see cref="Write"/> (partner admins' changes): admin.write; <see cref="Scim"/>: scim only.
/// A policy may hold several: an endpoint is the sum of its group's and its own.
/// </summary>
public sealed class ApiClientScopeRequirement : AuthorizationHandler<ApiClientScopeRequirement>, IAuthorizationRequirement
{
    public const string Kind = "api-client-scope";
    public const string Title = "Not in this API client's scopes";

    private ApiClientScopeRequirement(string? scope) => Scope = scope;

    /// <summary>For DI, which builds the handler: the instance is never a policy's requirement.</summary>
    public ApiClientScopeRequirement() : this(null)
    {
    }

    public static ApiClientScopeRequirement ForMethod { get; } = new(null);
    public static ApiClientScopeRequirement Write { get; } = new(ApiClientScopes.AdminWrite);
    public static ApiClientScopeRequirement Scim { get; } = new(ApiClientScopes.Scim);

    /// <summary>The scope asked for; null: admin.read for reads, admin.write for the rest.</summary>
    public string? Scope { get; }

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiClientScopeRequirement requirement)
    {
        if (!context.User.IsMachineClient())
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        var scopes = ApiClientScopes.Of(context.User);
        var method = (context.Resource as HttpContext)?.Request.Method;
        var needed = requirement.Scope ?? (HttpMethods.IsGet(method ?? "") || HttpMethods.IsHead(method ?? "") ? ApiClientScopes.AdminRead : ApiClientScopes.AdminWrite);
        var granted = scopes.Contains(needed) || (needed == ApiClientScopes.AdminRead && scopes.Contains(ApiClientScopes.AdminWrite));
        if (granted)
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new ProblemRefusal(this, Kind, Title,
                $"This API client's token does not carry the {needed} scope this request needs. A partner admin can create an API client with it under Settings > API clients."));
        }

        return Task.CompletedTask;
    }
}
