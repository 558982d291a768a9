using Microsoft.AspNetCore.Authorization;

namespace Api.Shared;

/// <summary>
/// A refusal because the caller's request budget is spent (an API client's rate limit):
/// <c>Api.Hosting.ProblemAuthorizationResults</c> answers it as 429 with Retry-After (<see cref="Problems.TooManyRequests"/>).
/// </summary>
public sealed class TooManyRequestsRefusal(IAuthorizationHandler handler, TimeSpan retryAfter, string sentence)
    : AuthorizationFailureReason(handler, sentence)
{
    public const string Title = "Too many requests";

    public TimeSpan RetryAfter { get; } = retryAfter;
}
