using Api.Shared;

namespace Api.Hosting;

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
        var origin = RequestOrigin.PortalOriginOf(app.ApplicationServices.GetRequiredService<IConfiguration>());
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (IsStateChange(request.Method) && CookieAuthenticatedPaths.Any(p => request.Path.StartsWithSegments(p)) && RequestOrigin.IsCrossSite(request, origin))
            {
                await Problems.Forbidden("cross-site", "Request from another site refused",
                    "This request came from another website, so it was refused. Open the portal yourself and try again there.")
                    .ExecuteAsync(context);
                return;
            }

            await next(context);
        });
    }

    private static bool IsStateChange(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);
}
