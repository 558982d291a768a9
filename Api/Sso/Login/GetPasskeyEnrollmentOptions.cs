using System.Text.Json;
using Api.Sso.Passkeys;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Api.Sso.Login;

/// <summary>
/// First sign-in without an authenticator, "Add a passkey": WebAuthn creation options for this
/// account. The challenge is kept beside this browser's login transaction, once.
/// </summary>
public static class GetPasskeyEnrollmentOptions
{
    public static async Task<Results<Ok<PasskeyOptionsResponse>, ProblemHttpResult>> HandleAsync(HttpContext http, LoginServices s, PasskeyServices passkeys)
    {
        var (transaction, refusal) = await PendingEnrollment.FindAsync(http, s);
        if (transaction is null)
        {
            return refusal!;
        }

        var account = (await s.Users.FindByIdAsync(transaction.AccountId!))!;
        var user = new PasskeyUserEntity { Id = account.Id, Name = transaction.Email, DisplayName = account.DisplayName.Length > 0 ? account.DisplayName : transaction.Email };
        var options = await passkeys.Handler.MakeCreationOptionsAsync(user, http);
        await passkeys.Ceremonies.SaveAsync(PasskeyCeremony.Enrol, transaction.Id, options.AttestationState!);
        return TypedResults.Ok(new PasskeyOptionsResponse(JsonDocument.Parse(options.CreationOptionsJson).RootElement.Clone()));
    }
}
