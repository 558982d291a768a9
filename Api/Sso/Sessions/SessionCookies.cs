namespace Api.Sso.Sessions;

/// <summary>
/// The SSO's cookies: <c>__Host-</c> prefixed (Secure, Path=/, no Domain), HttpOnly, SameSite=Lax
/// (Lax so that a top-level sign-in redirect from another product still carries it).
/// Chromium treats http://localhost as secure, so this works in development without TLS.
/// </summary>
public static class SessionCookies
{
    public static CookieOptions Options(TimeSpan? maxAge = null) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        IsEssential = true,
        MaxAge = maxAge,
    };

    public static void SetSession(HttpResponse response, string secret) =>
        response.Cookies.Append(SsoSessionStore.CookieName, secret, Options());

    public static void ClearSession(HttpResponse response) =>
        response.Cookies.Delete(SsoSessionStore.CookieName, Options());
}
