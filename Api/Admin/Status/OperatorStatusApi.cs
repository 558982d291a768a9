using Api.Shared;
using Api.Status;

namespace Api.Admin.Status;

/// <summary>
/// The platform's live facts (<see cref="SystemFacts"/>): platform operators only, in the admin
/// area like the rest of their console, so their account's standing is checked too. The public
/// "up or not" stays at <see cref="StatusApi"/>.
/// </summary>
public static class OperatorStatusApi
{
    public static RouteGroupBuilder MapOperatorStatusApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/status", GetSystemStatus.HandleAsync)
            .WithName("GetSystemStatus")
            .WithSummary("Live facts read from the database and the cache. Platform operators with an MFA-backed session only.")
            .WithTags("Status")
            .RequireAuthorization(AuthorizationPolicies.Operator);
        return admin;
    }
}
