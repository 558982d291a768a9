using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Infrastructure;

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

    public static ProblemHttpResult Status(int status, string title, string sentence) =>
        TypedResults.Problem(detail: sentence, title: title, statusCode: status);
}
