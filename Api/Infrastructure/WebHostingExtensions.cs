using Microsoft.Net.Http.Headers;

namespace Api.Infrastructure;

public static class WebHostingExtensions
{
    // The SPA's own script and styles only; images may be data: URIs (the TOTP QR code). Framing
    // only by the same origin: the silent token renewal uses a same-origin iframe, and nothing
    // else may frame the sign-in screens (clickjacking).
    private const string SpaContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>Headers every answer carries. Reset and activation tokens travel in URLs, hence no-referrer.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers[HeaderNames.XFrameOptions] = "SAMEORIGIN";
                if (context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true)
                {
                    headers[HeaderNames.ContentSecurityPolicy] = SpaContentSecurityPolicy;
                }

                return Task.CompletedTask;
            });
            await next();
        });

    /// <summary>
    /// In a published build the Api serves the built SPA from wwwroot, so the browser still sees
    /// one origin (in development Vite serves it and proxies to the Api). Client-side routes fall
    /// back to index.html; the Api's own paths never do, so an unknown API path stays a 404 problem.
    /// </summary>
    public static WebApplication MapSpa(this WebApplication app)
    {
        if (app.Environment.WebRootFileProvider.GetFileInfo("index.html").Exists)
        {
            app.MapFallbackToFile("{*path:nonfile:regex(^(?!(api|connect|\\.well-known|openapi|scalar|health|alive)(/|$)).*$)}", "index.html");
        }

        return app;
    }
}
