using Api.Shared;
using Api.Sso.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Sso.Passkeys;

/// <summary>Registers the passkey the browser just made from <see cref="GetNewPasskeyOptions"/>; the owner is mailed in the same transaction.</summary>
public static class AddPasskey
{
    public static async Task<Results<Created<PasskeySummary>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        PasskeyCredentialRequest body, HttpContext http, SsoDbContext db, PasskeyServices passkeys, AccountEmails emails, TimeProvider clock)
    {
        if (body.Name is not null && !AccountPasskeys.IsValidName(body.Name))
        {
            return Problems.Invalid("name", PasskeyProblems.NameInvalid);
        }

        var accountId = http.User.GetUserId()!;
        var state = await passkeys.Ceremonies.TakeAsync(PasskeyCeremony.Add, http.User.GetSessionId()!);
        if (state is null)
        {
            return Problems.BadRequest("Passkey not added", "Adding the passkey took too long. Start again.");
        }

        var attestation = await passkeys.Handler.PerformAttestationAsync(new() { HttpContext = http, CredentialJson = body.Credential.GetRawText(), AttestationState = state });
        if (!attestation.Succeeded || attestation.UserEntity.Id != accountId)
        {
            return Problems.BadRequest("Passkey not added", PasskeyProblems.NotRegistered);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var account = await db.Users.AsNoTracking().FirstAsync(a => a.Id == accountId);
        AccountPasskeys.Add(db, accountId, attestation.Passkey, body.Name, now);
        emails.QueuePasskeyAdded(account, now);
        await db.SaveChangesAsync();
        var id = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(attestation.Passkey.CredentialId);
        var summary = new PasskeySummary(id, attestation.Passkey.Name ?? body.Name?.Trim() ?? $"Passkey added {now:yyyy-MM-dd}", now, null, attestation.Passkey.IsBackedUp);
        return TypedResults.Created($"/api/sso/passkeys/{id}", summary);
    }
}
