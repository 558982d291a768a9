using Api.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Api.Sso.Passkeys;

/// <summary>Gives one of the user's passkeys a name they recognise ("Work laptop").</summary>
public static class RenamePasskey
{
    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> HandleAsync(
        string id, PasskeyRenameRequest body, HttpContext http, SsoDbContext db)
    {
        if (!AccountPasskeys.IsValidName(body.Name))
        {
            return Problems.Invalid("name", PasskeyProblems.NameInvalid);
        }

        var credentialId = Decode(id);
        var row = credentialId is null ? null : await AccountPasskeys.Of(db, http.User.GetUserId()!).FirstOrDefaultAsync(p => p.CredentialId == credentialId);
        if (row is null)
        {
            return Problems.Status(StatusCodes.Status404NotFound, "Passkey not found", PasskeyProblems.NotFound);
        }

        row.Data.Name = body.Name!.Trim();
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }

    /// <summary>The credential id of a URL segment, or null when it is not one.</summary>
    public static byte[]? Decode(string id)
    {
        try
        {
            return id.Length is > 0 and <= 1400 ? WebEncoders.Base64UrlDecode(id) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
