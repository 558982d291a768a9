using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace RmmConsole;

/// <summary>
/// What a person sees: who is signed in and the roles this product gave them; a refusal page for
/// an account without any; Log out, which ends the SSO session too (RP-initiated logout with
/// id_token_hint), and the page it lands on.
/// </summary>
public static class Pages
{
    public const string SignedOutPath = "/signed-out";
    public const string LogoutPath = "/logout";

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", Home).RequireAuthorization();
        app.MapPost(LogoutPath, LogOutAsync).AllowAnonymous().DisableAntiforgery();
        app.MapGet(SignedOutPath, () => new HtmlPage("Logged out", """
            <h1>You have logged out</h1>
            <p>You have logged out of the RMM Console and of Single Sign-On.</p>
            <p><a class="button" href="/">Log in again</a></p>
            """)).AllowAnonymous();
        app.MapGet(HtmlPage.StylesheetPath, () => Results.Text(HtmlPage.Stylesheet, "text/css; charset=utf-8")).AllowAnonymous();
        return app;
    }

    private static HtmlPage Home(HttpContext http, IAntiforgery antiforgery)
    {
        var user = http.User;
        var name = HtmlPage.Encode(user.Identity?.Name ?? user.FindFirst("email")?.Value);
        var email = HtmlPage.Encode(user.FindFirst("email")?.Value);
        var roles = ConsoleRoles.Of(user);
        if (roles.Count == 0)
        {
            return new HtmlPage("No access", $"""
                <h1>You have no role in the RMM Console</h1>
                <p>You are signed in as {name} ({email}), but your account holds no role in the RMM Console, so it has nothing to show you.</p>
                <p>Ask your partner admin to give you a role in the portal under <strong>Home &gt; User Management</strong>. Then log out and sign in again.</p>
                {LogOutForm(http, antiforgery)}
                """, StatusCodes.Status403Forbidden);
        }

        var items = string.Concat(roles.Select(role => $"<li>{HtmlPage.Encode(role)}</li>"));
        return new HtmlPage(HtmlPage.ProductName, $"""
            <h1>Signed in as {name}</h1>
            <p>E-mail address: {email}</p>
            <section aria-labelledby="roles-heading">
            <h2 id="roles-heading">Your roles in the RMM Console</h2>
            <ul class="roles" aria-labelledby="roles-heading">{items}</ul>
            </section>
            {LogOutForm(http, antiforgery)}
            """);
    }

    private static string LogOutForm(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return $"""
            <form method="post" action="{LogoutPath}">
            <input type="hidden" name="{HtmlPage.Encode(tokens.FormFieldName)}" value="{HtmlPage.Encode(tokens.RequestToken)}">
            <button type="submit">Log out</button>
            </form>
            """;
    }

    private static async Task<IResult> LogOutAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return Results.Redirect(SignedOutPath);
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return new HtmlPage("Log out did not work", """
                <h1>Log out did not work</h1>
                <p>The page you logged out from was open too long, or the request did not come from the RMM Console.</p>
                <p><a class="button" href="/">Back to the RMM Console</a></p>
                """, StatusCodes.Status400BadRequest);
        }

        // The cookie goes first; the OIDC handler then sends the browser to the SSO's end-session
        // endpoint with the ID token as hint, and it comes back to /signed-out.
        return Results.SignOut(
            new AuthenticationProperties { RedirectUri = SignedOutPath },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
    }
}
