using Api.Sso.Keys;

namespace Api.Infrastructure;

/// <summary>
/// CSRF (ASVS V4.2.2). The SSO's state changes are authenticated by cookies (login transaction,
/// SSO session), which a browser attaches to whatever request another site makes it send.
/// SameSite=Lax leaves gaps (sibling sub-domains are "same site"; Lax allows top-level GETs), so
/// every unsafe request to a cookie-authenticated path must come from the portal's own origin,
/// as the browser reports it in <c>Sec-Fetch-Site</c> and <c>Origin</c>. A request with neither
/// header comes from a non-browser client, which carries no victim's cookies, and passes.
/// Bearer-token APIs (/api/portal) are not listed: a browser never attaches a token by itself.
/// </summary>
public static class CrossSiteRequestGuard
{
    private static readonly PathString[] CookieAuthenticatedPaths =
        ["/api/sso", "/api/legacy", "/connect/logout", "/connect/authorize"];

    public static IApplicationBuilder UseCrossSiteRequestGuard(this IApplicationBuilder app)
    {
        var origin = OriginOf(app.ApplicationServices.GetRequiredService<IConfiguration>());
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (IsStateChange(request.Method) && CookieAuthenticatedPaths.Any(p => request.Path.StartsWithSegments(p)) && IsCrossSite(request, origin))
            {
                await Problems.Forbidden("cross-site", "Request from another site refused",
                    "This request came from another website, so it was refused. Open the portal yourself and try again there.")
                    .ExecuteAsync(context);
                return;
            }

            await next(context);
        });
    }

    /// <summary>The portal's public origin (scheme, host, port), as browsers write it in <c>Origin</c>.</summary>
    public static string OriginOf(IConfiguration configuration) =>
        new Uri(TokenValidationExtensions.IssuerOf(configuration)).GetLeftPart(UriPartial.Authority);

    /// <summary>The browser says the request was made by another origin (another site, or a sibling on the same site).</summary>
    public static bool IsCrossSite(HttpRequest request, string origin)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Equals("cross-site", StringComparison.OrdinalIgnoreCase) || site.Equals("same-site", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var requestOrigin = request.Headers.Origin.ToString();
        if (requestOrigin.Length == 0 || requestOrigin.Equals(origin, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // "Origin: null" is the browser declining to say: our pages send Referrer-Policy
        // no-referrer, under which browsers null the Origin of their own POSTs. A sandboxed frame
        // elsewhere sends it too, so only Sec-Fetch-Site (which a page cannot change) vouches for it.
        return requestOrigin != "null" || !site.Equals("same-origin", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The browser positively says the request was made by the portal's own pages.</summary>
    public static bool IsSameOrigin(HttpRequest request, string origin) =>
        !IsCrossSite(request, origin)
        && (request.Headers["Sec-Fetch-Site"].ToString().Equals("same-origin", StringComparison.OrdinalIgnoreCase)
            || request.Headers.Origin.ToString().Equals(origin, StringComparison.OrdinalIgnoreCase));

    private static bool IsStateChange(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);
}
