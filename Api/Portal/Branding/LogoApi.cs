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
        app.MapGet(Path + "{logoId}", GetLogo.HandleAsync)
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
}
