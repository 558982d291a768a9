using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Api.Infrastructure;

/// <summary>
/// A refusal by a requirement that gave a reason (no MFA, not staff) answers 403 ProblemDetails
/// with that reason as its sentence, so the SPA can tell the user what to do; every other result
/// is handled as ASP.NET Core does by default.
/// </summary>
public sealed class ProblemAuthorizationResults : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult is { Forbidden: true, AuthorizationFailure.FailureReasons: var reasons } && reasons.FirstOrDefault() is { } reason)
        {
            await Problems.Forbidden("forbidden", "Not allowed", reason.Message).ExecuteAsync(context);
            return;
        }

        await fallback.HandleAsync(next, context, policy, authorizeResult);
    }
}
