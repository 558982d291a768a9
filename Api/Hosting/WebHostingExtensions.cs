using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Api.Hosting;

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
    /// The SPA's build names every file under /assets by its content hash, so a file there never
    /// changes: browsers keep it a year without asking again (the lazily loaded screens cost no
    /// round trip after the first visit). index.html names those files and changes with every
    /// deployment, so the browser revalidates it each time. Both the static files and the SPA
    /// fallback read these options.
    /// </summary>
    public static IServiceCollection AddSpaFileCaching(this IServiceCollection services) =>
        services.Configure<StaticFileOptions>(options => options.OnPrepareResponse = file =>
        {
            var request = file.Context.Request;
            file.Context.Response.Headers.CacheControl = request.Path.StartsWithSegments("/assets")
                ? "public, max-age=31536000, immutable"
                : "no-cache";
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
