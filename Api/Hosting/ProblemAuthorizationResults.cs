using Api.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Api.Hosting;

/// <summary>
/// A refusal by a requirement that gave a reason (no MFA, not staff, not a partner admin) answers
/// 403 ProblemDetails with that reason as its sentence, so the SPA can tell the user what to do;
/// every other result is handled as ASP.NET Core does by default.
/// </summary>
public sealed class ProblemAuthorizationResults : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult is { Forbidden: true, AuthorizationFailure.FailureReasons: var spent } && spent.OfType<TooManyRequestsRefusal>().FirstOrDefault() is { } limit)
        {
            await Problems.TooManyRequests(TooManyRequestsRefusal.Title, limit.Message, limit.RetryAfter).ExecuteAsync(context);
            return;
        }

        if (authorizeResult is { Forbidden: true, AuthorizationFailure.FailureReasons: var reasons } && reasons.FirstOrDefault() is { } reason)
        {
            var (kind, title) = reason is ProblemRefusal refusal ? (refusal.Kind, refusal.Title) : ("forbidden", "Not allowed");
            await Problems.Forbidden(kind, title, reason.Message).ExecuteAsync(context);
            return;
        }

        await fallback.HandleAsync(next, context, policy, authorizeResult);
    }
}
