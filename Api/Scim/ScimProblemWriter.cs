using System.Globalization;
using Api.Shared;

namespace Api.Scim;

/// <summary>
/// Under /scim/v2 every error is SCIM's (RFC 7644 §3.12), also the ones the host answers before a
/// handler runs: a refused caller (401, 403 with the policy's sentence), an unknown address, a
/// failure. Provisioning clients show the <c>detail</c> to the partner's administrator.
/// </summary>
public sealed class ScimProblemWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => context.HttpContext.Request.Path.StartsWithSegments(ScimApi.Path);

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        var status = problem.Status ?? http.Response.StatusCode;
        var error = ScimErrors.Error(status, null, problem.Detail ?? DefaultDetail(status));
        if (problem.Extensions.TryGetValue(Problems.RetryAfterMember, out var wait) && wait is long seconds)
        {
            error = new ScimResult(status, error.Body) { RetryAfter = seconds };
        }

        return new ValueTask(error.ExecuteAsync(http));
    }

    private static string DefaultDetail(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "Send an access token with the scim scope as Authorization: Bearer.",
        StatusCodes.Status403Forbidden => "This token may not provision users.",
        StatusCodes.Status404NotFound => "There is nothing at this address. SCIM resources here are /Users, /Schemas, /ResourceTypes and /ServiceProviderConfig.",
        StatusCodes.Status405MethodNotAllowed => "This address does not accept that method.",
        StatusCodes.Status413PayloadTooLarge => "The request is too large.",
        >= 500 => "Something went wrong on our side. Nothing was changed; please try again in a moment.",
        _ => $"The request failed ({status.ToString(CultureInfo.InvariantCulture)}).",
    };
}
