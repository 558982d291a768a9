using Api.Shared;
using Api.Sso.Login;
using Api.Sso.Passwords;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Portal;

/// <summary>What a new password of the portal's own login form must be (Edit Profile and the set-password link alike).</summary>
public static class PortalPasswordRules
{
    /// <summary>The problem with a new password, with a sentence, or null when it will do. Cheap: nothing is hashed.</summary>
    public static ValidationProblem? Check(string? newPassword)
    {
        if (newPassword is not { Length: >= InputRules.MinPasswordLength and <= InputRules.MaxPasswordLength })
        {
            return Problems.Invalid("newPassword", $"Choose a new password of {InputRules.MinPasswordLength} to {InputRules.MaxPasswordLength} characters.");
        }

        return CommonPasswords.Shared.IsCommon(newPassword) ? Problems.Invalid("newPassword", CommonPasswords.Refusal) : null;
    }
}
