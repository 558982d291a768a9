using System.Text.Encodings.Web;

namespace RmmConsole;

/// <summary>
/// A server-rendered page in the console's one layout: language, title, banner, main and footer
/// landmarks, one stylesheet. Callers pass body HTML built with <see cref="Encode"/> around every
/// value that came from outside (names, e-mail addresses, roles).
/// </summary>
public sealed class HtmlPage(string title, string bodyHtml, int statusCode = StatusCodes.Status200OK) : IResult
{
    public const string ProductName = "RMM Console";
    public const string StylesheetPath = "/console.css";

    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var headers = httpContext.Response.Headers;
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        // Pages show personal data: never cached, never framed, nothing but our own stylesheet.
        // No form-action: the Log out form's redirect goes on to the SSO's end-session endpoint.
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'";
        var pageTitle = title == ProductName ? ProductName : $"{title} – {ProductName}";
        return httpContext.Response.WriteAsync($"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Encode(pageTitle)}</title>
            <link rel="stylesheet" href="{StylesheetPath}">
            </head>
            <body>
            <header class="banner"><p class="product">{ProductName}</p></header>
            <main>
            {bodyHtml}
            </main>
            <footer><p>A product of the platform, signed in through its Single Sign-On.</p></footer>
            </body>
            </html>
            """);
    }

    public const string Stylesheet = """
        :root { color-scheme: light; font-family: system-ui, sans-serif; line-height: 1.5; color: #1b1f24; background: #f6f7f9; }
        body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; }
        .banner { background: #123c69; color: #fff; padding: 0.75rem 1.5rem; }
        .product { margin: 0; font-weight: 700; font-size: 1.125rem; }
        main { flex: 1; width: 100%; max-width: 40rem; margin: 2rem auto; padding: 0 1.5rem; box-sizing: border-box; }
        h1 { font-size: 1.5rem; margin: 0 0 0.5rem; }
        h2 { font-size: 1.125rem; margin: 1.5rem 0 0.5rem; }
        ul.roles { padding-left: 1.25rem; }
        .button, button { display: inline-block; font: inherit; padding: 0.5rem 1rem; border-radius: 0.25rem; border: 1px solid #123c69;
          background: #123c69; color: #fff; text-decoration: none; cursor: pointer; }
        .button:hover, button:hover { background: #0b2846; }
        .button:focus-visible, button:focus-visible, a:focus-visible { outline: 3px solid #e5a00d; outline-offset: 2px; }
        form { margin-top: 1.5rem; }
        footer { padding: 1rem 1.5rem; color: #4a5360; font-size: 0.875rem; border-top: 1px solid #d8dce2; }
        footer p { margin: 0; }
        """;
}
