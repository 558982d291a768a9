using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Api.Sso.Passkeys;

/// <summary>The signed-in user's passkeys, newest first.</summary>
public static class ListPasskeys
{
    public static async Task<Ok<PasskeyList>> HandleAsync(HttpContext http, SsoDbContext db)
    {
        var rows = await AccountPasskeys.Of(db, http.User.GetUserId()!)
            .Select(p => new { p.CredentialId, p.Data, LastUsedAt = EF.Property<DateTime?>(p, Accounts.PasskeyModelConfiguration.LastUsedAt) })
            .AsNoTracking()
            .ToListAsync();
        return TypedResults.Ok(new PasskeyList([.. rows
            .OrderByDescending(p => p.Data.CreatedAt)
            .Select(p => new PasskeySummary(
                WebEncoders.Base64UrlEncode(p.CredentialId),
                p.Data.Name ?? "Passkey",
                p.Data.CreatedAt.UtcDateTime,
                p.LastUsedAt,
                p.Data.IsBackedUp))]));
    }
}
