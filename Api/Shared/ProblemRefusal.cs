using Microsoft.AspNetCore.Authorization;

namespace Api.Shared;

/// <summary>
/// A requirement's refusal that also names its problem type and title ("admin-only": Partner
/// admins only), so the SPA can tell one refusal from another; <c>Api.Hosting.ProblemAuthorizationResults</c>
/// answers it as a 403 ProblemDetails. A plain <see cref="AuthorizationFailureReason"/> is answered as "forbidden".
/// </summary>
public sealed class ProblemRefusal(IAuthorizationHandler handler, string kind, string title, string sentence)
    : AuthorizationFailureReason(handler, sentence)
{
    /// <summary>Ends the problem type (<see cref="Problems.TypePrefix"/>).</summary>
    public string Kind { get; } = kind;

    public string Title { get; } = title;
}
