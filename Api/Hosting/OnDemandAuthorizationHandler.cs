using Microsoft.AspNetCore.Authorization;

namespace Api.Hosting;

/// <summary>
/// Builds a costly handler only when the policy being checked has its requirement. ASP.NET Core
/// constructs every registered <see cref="IAuthorizationHandler"/> for every authorization, so the
/// staff handler (database, account administration, user manager) was built on each portal read
/// that never asks for staff. This stand-in is cheap to build and asks the request's services for
/// the real handler when it is needed.
/// </summary>
public sealed class OnDemandAuthorizationHandler<TRequirement, THandler>(IServiceProvider services) : IAuthorizationHandler
    where TRequirement : IAuthorizationRequirement
    where THandler : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context) =>
        context.PendingRequirements.Any(requirement => requirement is TRequirement)
            ? services.GetRequiredService<THandler>().HandleAsync(context)
            : Task.CompletedTask;
}
