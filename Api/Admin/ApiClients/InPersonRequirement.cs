using Api.Shared;
using Api.Sso.MachineClients;
using Microsoft.AspNetCore.Authorization;

namespace Api.Admin.ApiClients;

/// <summary>
/// Only a person signed in may do this (manage API clients, answer for their own account): an API
/// client's token is refused with a sentence, whatever its scopes, so a leaked secret cannot mint more.
/// </summary>
public sealed class InPersonRequirement : AuthorizationHandler<InPersonRequirement>, IAuthorizationRequirement
{
    public const string Kind = "in-person-only";
    public const string Title = "People only";
    public const string Refusal = "An API client cannot do this: a partner admin signed in with their authenticator code must.";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, InPersonRequirement requirement)
    {
        if (context.User.IsMachineClient())
        {
            context.Fail(new ProblemRefusal(this, Kind, Title, Refusal));
        }
        else
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
