using Api.Shared;
using Api.Sso.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Sso.Passwords;

/// <summary>
/// "This was not me" from an authenticator notice: removes the authenticator, ends every session
/// and mails a password reset (<see cref="AccountAdministration.RemoveAuthenticatorFromNoticeAsync"/>). The link works once.
/// </summary>
public static class RemoveAuthenticator
{
    public static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        TokenRequest body, AccountAdministration accounts, CancellationToken cancellationToken) =>
        await accounts.RemoveAuthenticatorFromNoticeAsync(body.Token, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.BadRequest(
                "Link not valid",
                "This link has expired or has already been used. If you still think someone else is using your account, use Forgot Password on the sign-in screen and tell your IT provider.");
}
