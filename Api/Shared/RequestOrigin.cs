namespace Api.Shared;

/// <summary>
/// Which origin a browser says a request came from (<c>Sec-Fetch-Site</c>, <c>Origin</c>): the
/// cross-site guard refuses cookie-authenticated state changes from elsewhere, and the SSO's
/// logout trusts only the portal's own pages.
/// </summary>
public static class RequestOrigin
{
    /// <summary>The portal's public origin (scheme, host, port), as browsers write it in <c>Origin</c>.</summary>
    public static string PortalOriginOf(IConfiguration configuration) =>
        new Uri(PublicOrigin.Of(configuration)).GetLeftPart(UriPartial.Authority);

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
}
