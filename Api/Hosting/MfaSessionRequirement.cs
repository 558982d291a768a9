using Microsoft.AspNetCore.Authorization;

namespace Api.Hosting;

/// <summary>
/// The session was opened with a second factor (amr contains mfa): a portal legacy session or
/// a password-only one never is. Fails with a sentence the SPA shows.
/// </summary>
public sealed class MfaSessionRequirement : AuthorizationHandler<MfaSessionRequirement>, IAuthorizationRequirement
{
    public const string Refusal = "This needs a sign-in with your authenticator code. Log out, then log in with Single Sign-On.";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MfaSessionRequirement requirement)
    {
        if (context.User.HasClaim("amr", "mfa"))
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
