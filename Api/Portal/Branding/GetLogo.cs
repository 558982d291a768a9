using Api.Data;
using Api.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Portal.Branding;

/// <summary>A partner's logo by its address (<see cref="LogoApi.UrlOf"/>), for anyone: the bytes behind an address never change.</summary>
public static class GetLogo
{
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> HandleAsync(
        string logoId, HttpContext http, AppDbContext db, CancellationToken cancellationToken)
    {
        var logo = IsLogoId(logoId)
            ? await db.PartnerBrandings.AsNoTracking()
                .Where(b => b.LogoId == logoId && b.Logo != null)
                .Select(b => new { b.Logo, b.LogoContentType })
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        if (logo is null)
        {
            return Problems.Status(StatusCodes.Status404NotFound, "Logo not found", "We could not find that logo. It may have been replaced.");
        }

        // The bytes behind this address never change.
        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return TypedResults.File(logo.Logo!, logo.LogoContentType);
    }

    /// <summary>A SHA-256 in lower-case hex, as <see cref="LogoImage"/> names logos.</summary>
    private static bool IsLogoId(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigitLower);
}
