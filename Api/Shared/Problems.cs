using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Shared;

/// <summary>
/// The Api's error answers: RFC 7807 ProblemDetails whose <c>detail</c> is a sentence for the
/// user (the SPA shows it as is) and, for input errors, which field it is about.
/// </summary>
public static class Problems
{
    public const string TypePrefix = "https://portal.example/problems/";

    public static ValidationProblem Invalid(string field, string sentence) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [sentence] }, detail: sentence, title: "Please check what you entered");

    public static ProblemHttpResult BadRequest(string title, string sentence) =>
        TypedResults.Problem(detail: sentence, title: title, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>A refusal with guidance; <paramref name="kind"/> ends the problem type so the SPA can tell them apart.</summary>
    public static ProblemHttpResult Forbidden(string kind, string title, string sentence) =>
        TypedResults.Problem(detail: sentence, title: title, statusCode: StatusCodes.Status403Forbidden, type: TypePrefix + kind);

    /// <summary>
    /// A limit was reached (429). The sentence says when to try again; <paramref name="retryAfter"/>
    /// travels as the <c>retryAfter</c> member (seconds) and the answer's Retry-After header is set
    /// from it, in one place (<c>Api.Hosting.ProblemDetailsExtensions</c>), so no handler needs the response.
    /// </summary>
    public static ProblemHttpResult TooManyRequests(string title, string sentence, TimeSpan retryAfter)
    {
        var seconds = RetryAfterSeconds(retryAfter);
        return TypedResults.Problem(
            detail: sentence,
            title: title,
            statusCode: StatusCodes.Status429TooManyRequests,
            extensions: new Dictionary<string, object?> { [RetryAfterMember] = seconds });
    }

    public const string RetryAfterMember = "retryAfter";

    /// <summary>Whole seconds, rounded up and at least one: "0" would invite an immediate retry.</summary>
    public static long RetryAfterSeconds(TimeSpan retryAfter) => Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));

    public static ProblemHttpResult Status(int status, string title, string sentence) =>
        TypedResults.Problem(detail: sentence, title: title, statusCode: status);
}
