using System.Text.Json.Nodes;
using Api.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Scim;

/// <summary>
/// SCIM's error answers (RFC 7644 §3.12): the status as a string, a <c>scimType</c> for the 400s
/// and 409s a provisioning client acts on, and a sentence a person can act on as <c>detail</c>.
/// </summary>
public static class ScimErrors
{
    public static ScimResult Error(int status, string? scimType, string detail)
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.Error),
            ["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (scimType is not null)
        {
            body["scimType"] = scimType;
        }

        body["detail"] = detail;
        return new ScimResult(status, body);
    }

    public static ScimResult InvalidValue(string detail) => Error(StatusCodes.Status400BadRequest, "invalidValue", detail);

    public static ScimResult InvalidSyntax(string detail) => Error(StatusCodes.Status400BadRequest, "invalidSyntax", detail);

    public static ScimResult InvalidFilter(string detail) => Error(StatusCodes.Status400BadRequest, "invalidFilter", detail);

    public static ScimResult InvalidPath(string detail) => Error(StatusCodes.Status400BadRequest, "invalidPath", detail);

    public static ScimResult NoTarget(string detail) => Error(StatusCodes.Status400BadRequest, "noTarget", detail);

    public static ScimResult Mutability(string detail) => Error(StatusCodes.Status400BadRequest, "mutability", detail);

    public static ScimResult Uniqueness(string detail) => Error(StatusCodes.Status409Conflict, "uniqueness", detail);

    /// <summary>Another partner's user answers exactly like one that does not exist.</summary>
    public static ScimResult UserNotFound() =>
        Error(StatusCodes.Status404NotFound, null, "This user does not exist, or is not one of your clients' users.");

    public static ScimResult ClientNotFound() =>
        Error(StatusCodes.Status404NotFound, null, "This client does not exist, or is not one of your clients.");

    public static ScimResult VersionMismatch() =>
        Error(StatusCodes.Status412PreconditionFailed, null, "This user was changed since you read it (its version no longer matches If-Match). Read it again and retry.");

    /// <summary>
    /// The answer of a Manage Users action (a ProblemDetails with a sentence) said the SCIM way:
    /// the same status and sentence; a 409 is a <c>uniqueness</c> conflict, a 400 an <c>invalidValue</c>.
    /// </summary>
    public static ScimResult From(IResult refusal) => refusal switch
    {
        ValidationProblem v => InvalidValue(v.ProblemDetails.Detail ?? "Please check what you sent."),
        ProblemHttpResult { StatusCode: StatusCodes.Status409Conflict } p => Uniqueness(p.ProblemDetails.Detail ?? "This user already exists."),
        ProblemHttpResult { StatusCode: StatusCodes.Status400BadRequest } p => InvalidValue(p.ProblemDetails.Detail ?? "Please check what you sent."),
        ProblemHttpResult p => WithRetryAfter(Error(p.StatusCode, null, p.ProblemDetails.Detail ?? p.ProblemDetails.Title ?? "The request was refused."), p),
        _ => throw new InvalidOperationException($"Unexpected answer {refusal.GetType().Name}."),
    };

    /// <summary>A 429 keeps its Retry-After (<see cref="Problems.RetryAfterMember"/>).</summary>
    private static ScimResult WithRetryAfter(ScimResult error, ProblemHttpResult problem) =>
        problem.ProblemDetails.Extensions.TryGetValue(Problems.RetryAfterMember, out var seconds) && seconds is long s
            ? new ScimResult(error.Status, error.Body) { RetryAfter = s }
            : error;
}
