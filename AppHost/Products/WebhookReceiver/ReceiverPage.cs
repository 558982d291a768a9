using System.Text.Encodings.Web;

namespace WebhookReceiver;

/// <summary>
/// The receiver's one page layout. Callers build the body with <see cref="Encode"/> around every
/// value that came from a delivery or a form: a delivery's content is someone else's text.
/// </summary>
public sealed class ReceiverPage(string title, string bodyHtml, int statusCode = StatusCodes.Status200OK) : IResult
{
    public const string ToolName = "Webhook Receiver";

    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var headers = httpContext.Response.Headers;
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        return httpContext.Response.WriteAsync($"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Encode(title)} – {ToolName}</title>
            <style>
            body {"{"} font-family: system-ui, sans-serif; line-height: 1.5; margin: 0; color: #1b1f24; background: #f6f7f9; {"}"}
            header {"{"} background: #3b2a6b; color: #fff; padding: 0.75rem 1.5rem; font-weight: 700; {"}"}
            main {"{"} max-width: 64rem; margin: 1.5rem auto; padding: 0 1.5rem; {"}"}
            table {"{"} border-collapse: collapse; width: 100%; background: #fff; {"}"}
            th, td {"{"} text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid #d8dce2; vertical-align: top; {"}"}
            pre {"{"} white-space: pre-wrap; word-break: break-all; margin: 0; font-size: 0.85rem; {"}"}
            label {"{"} display: block; margin-top: 0.5rem; font-weight: 600; {"}"}
            input[type=text] {"{"} font: inherit; padding: 0.3rem; width: 100%; max-width: 36rem; box-sizing: border-box; {"}"}
            button {"{"} font: inherit; margin-top: 0.75rem; padding: 0.4rem 1rem; {"}"}
            .error {"{"} color: #a4000f; font-weight: 600; {"}"}
            .verified {"{"} color: #0a6b2c; font-weight: 600; {"}"}
            </style>
            </head>
            <body>
            <header>{ToolName} (development)</header>
            <main>
            {bodyHtml}
            </main>
            </body>
            </html>
            """);
    }
}
