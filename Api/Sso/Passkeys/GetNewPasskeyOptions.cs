using System.Text.Json;
using Api.Sso.Accounts;
using Api.Sso.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Api.Sso.Passkeys;

/// <summary>Another passkey from Edit Profile: creation options (excluding the passkeys the account has), the challenge kept by session.</summary>
public static class GetNewPasskeyOptions
{
    public static async Task<Results<Ok<PasskeyOptionsResponse>, ProblemHttpResult>> HandleAsync(
        HttpContext http, UserManager<SsoAccount> users, PasskeyServices passkeys, SsoSessionStore sessions, TimeProvider clock)
    {
        if (await FreshSignIn.RequireAsync(http, sessions, clock) is { } refusal)
        {
            return refusal;
        }

        var account = (await users.FindByIdAsync(http.User.GetUserId()!))!;
        var user = new PasskeyUserEntity { Id = account.Id, Name = account.Email!, DisplayName = account.DisplayName.Length > 0 ? account.DisplayName : account.Email! };
        var options = await passkeys.Handler.MakeCreationOptionsAsync(user, http);
        await passkeys.Ceremonies.SaveAsync(PasskeyCeremony.Add, http.User.GetSessionId()!, options.AttestationState!);
        return TypedResults.Ok(new PasskeyOptionsResponse(JsonDocument.Parse(options.CreationOptionsJson).RootElement.Clone()));
    }
}
