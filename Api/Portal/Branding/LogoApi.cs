using Api.Data;
using Api.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Portal.Branding;

/// <summary>
/// Partners' logos, public: the portal header shows them, and an &lt;img&gt; sends no bearer token.
/// A logo's address is its SHA-256, so it can be cached forever; a new logo gets a new address.
/// </summary>
public static class LogoApi
{
    public const string Path = "/api/branding/logos/";

    public static IEndpointRouteBuilder MapLogoApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path + "{logoId}", GetLogo)
            .AllowAnonymous()
            .WithTags("Portal")
            .WithName("GetPartnerLogo")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Produces(StatusCodes.Status200OK, typeof(byte[]), "image/png", "image/jpeg", "image/webp")
            .WithSummary("A partner's logo by its id (the SHA-256 of its bytes); cached by browsers for a year.");
        return app;
    }

    /// <summary>The logo's public address; null when there is no logo.</summary>
    public static string? UrlOf(string? logoId) => logoId is null ? null : Path + logoId;

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetLogo(
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
