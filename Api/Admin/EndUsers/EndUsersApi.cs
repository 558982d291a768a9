using Api.Shared;
using Api.Sso.Login;
using Microsoft.AspNetCore.Mvc;

namespace Api.Admin.EndUsers;

/// <summary>
/// Manage Users' changes: add, edit, enable, disable, delete, and help a user (resend activation,
/// reset MFA, unlock), one by one or in bulk. Each change is scoped to the caller's partner,
/// audited in its own transaction, and a no-op (no audit entry) when there is nothing to change.
/// </summary>
public static class EndUsersApi
{
    public static RouteGroupBuilder MapEndUsersApi(this RouteGroupBuilder admin)
    {
        var users = admin.MapGroup("/end-users").WithMetadata(new RequestSizeLimitAttribute(InputRules.MaxBodyBytes));
        users.MapPost("/", AddEndUser.HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.Manager)
            .WithName("AddEndUser")
            .WithSummary("Adds an end user: on Single Sign-On (invitation e-mail) if the client is migrated, else on the portal's form (set-password e-mail).");
        users.MapPut("/{id:guid}", EditEndUser.HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.Manager)
            .WithName("EditEndUser")
            .WithSummary("Changes an end user's name, e-mail, role or client; a new e-mail of a migrated user must be activated again.");
        users.MapPost("/{id:guid}/disable", DisableEndUser.HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.Manager)
            .WithName("DisableEndUser")
            .WithSummary("Disables an end user and ends their sessions at once.");
        users.MapPost("/{id:guid}/enable", EnableEndUser.HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.Manager)
            .WithName("EnableEndUser")
            .WithSummary("Lets a disabled end user sign in again.");
        users.MapDelete("/{id:guid}", DeleteEndUser.HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.Manager)
            .WithName("DeleteEndUser")
            .WithSummary("Deletes an end user: portal access ends; an SSO account with other products' roles is kept.");
        users.MapPost("/{id:guid}/resend-activation", ResendActivation.HandleAsync)
            .WithName("ResendEndUserActivation")
            .WithSummary("Sends the activation (SSO) or set-password (portal) e-mail again; at most five per user per hour.");
        users.MapPost("/{id:guid}/send-reminder", SendReminder.HandleAsync)
            .WithName("SendEndUserReminder")
            .WithSummary("Reminds a migrated user who has not activated (fresh link) or set up an authenticator of the step left; once a day at most.");
        users.MapPost("/{id:guid}/reset-mfa", ResetMfa.HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.Manager)
            .WithName("ResetEndUserMfa")
            .WithSummary("Removes a migrated user's authenticator: the next sign-in enrols a new one. The user is told by e-mail.");
        users.MapPost("/{id:guid}/unlock", UnlockEndUser.HandleAsync)
            .WithName("UnlockEndUser")
            .WithSummary("Lifts the pause that wrong passwords or codes put on the user's sign-in.");
        users.MapPost("/{id:guid}/retry-move", RetryEndUserMove.HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.Manager)
            .WithName("RetryEndUserMove")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Moves an end user whose move to Single Sign-On failed again, now, instead of at the batch's next run.");
        users.MapPost("/bulk", BulkAction.HandleAsync)
            .WithName("BulkEndUserAction")
            .WithSummary("Disables, resends activation to, or sends a reminder to up to 500 end users; reports each one that failed.");
        return admin;
    }
}
