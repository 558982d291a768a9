using Api.Admin.ApiClients;
using Api.Shared;
using Api.Sso.MachineClients;
using Microsoft.AspNetCore.Authorization;

namespace Api.Hosting;

/// <summary>
/// The session was opened with a second factor (amr contains mfa): a portal legacy session or
/// a password-only one never is. Fails with a sentence the SPA shows. An API client's token has no
/// session and no second factor: it passes only a policy that accepts API clients (<see cref="AcceptsApiClients"/>,
/// where its scopes decide), never one that needs a person (an account owner's answers, operators).
/// </summary>
public sealed class MfaSessionRequirement : AuthorizationHandler<MfaSessionRequirement>, IAuthorizationRequirement
{
    public const string Refusal = "This needs a sign-in with your authenticator code. Log out, then log in with Single Sign-On.";

    /// <summary>Whether an API client's token stands in for the MFA session (its scopes are checked by <see cref="ApiClientScopeRequirement"/>).</summary>
    public bool AcceptsApiClients { get; init; }

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MfaSessionRequirement requirement)
    {
        if (context.User.IsMachineClient())
        {
            if (requirement.AcceptsApiClients)
            {
                context.Succeed(requirement);
            }
            else
            {
                context.Fail(new ProblemRefusal(this, InPersonRequirement.Kind, InPersonRequirement.Title, InPersonRequirement.Refusal));
            }
        }
        else if (context.User.HasClaim("amr", "mfa"))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, Refusal));
        }

        return Task.CompletedTask;
    }
}
