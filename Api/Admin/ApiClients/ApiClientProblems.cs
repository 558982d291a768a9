using Api.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin.ApiClients;

/// <summary>The API client pages' refusals, each with a sentence the Settings page shows.</summary>
public static class ApiClientProblems
{
    public static ProblemHttpResult NotFound() =>
        Problems.Status(StatusCodes.Status404NotFound, "API client not found", "This API client does not exist, or it is not one of your company's.");

    public static ProblemHttpResult PartnersOnly() =>
        Problems.Forbidden("partner-only", "Partner admins only", "API clients belong to a partner. Sign in as a partner admin of the company the API client is for.");

    public static ProblemHttpResult TooMany(int limit) =>
        Problems.Status(StatusCodes.Status409Conflict, "Too many API clients",
            $"Your company already has {limit} active API clients, the most allowed. Revoke one you no longer use, then create this one.");

    public static ProblemHttpResult Revoked() =>
        Problems.Status(StatusCodes.Status409Conflict, "API client revoked", "This API client has been revoked; it cannot get a new secret. Create a new API client instead.");

    public static ProblemHttpResult NoOldSecret() =>
        Problems.Status(StatusCodes.Status409Conflict, "No old secret", "This API client has only one secret: there is no old secret to retire.");
}
