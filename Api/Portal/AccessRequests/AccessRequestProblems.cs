using Api.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Portal.AccessRequests;

/// <summary>The answer of every access request endpoint to a link that is unknown, expired, used or withdrawn.</summary>
public static class AccessRequestProblems
{
    public const string LinkNotValid = "This request has expired, has already been answered or was withdrawn. Nothing changed on your account.";

    public static ProblemHttpResult NotValid() => Problems.BadRequest("Link not valid", LinkNotValid);
}
