using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace WebhookReceiver;

/// <summary>
/// The home page: where to point an endpoint, the signing secrets set per address (a form to paste
/// one), a switch that makes every delivery fail, and the deliveries that arrived, newest first.
/// </summary>
public static class ReceiverPages
{
    public static IEndpointRouteBuilder MapReceiverPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext http, IAntiforgery antiforgery, SigningSecrets secrets, Arrivals arrivals) =>
            Home(http, antiforgery, secrets, arrivals, error: null));
        app.MapPost("/secrets", SetSecret);
        app.MapPost("/failing", ([FromForm] string? failing, Arrivals arrivals) =>
        {
            arrivals.Failing = failing == "on";
            return Results.Redirect("/");
        });
        return app;
    }

    private static IResult SetSecret([FromForm] string? slug, [FromForm] string? secret, HttpContext http,
        IAntiforgery antiforgery, SigningSecrets secrets, Arrivals arrivals)
    {
        var error = secrets.TrySet(slug?.Trim() ?? "", secret);
        return error is null ? Results.Redirect("/") : Home(http, antiforgery, secrets, arrivals, error);
    }

    private static ReceiverPage Home(HttpContext http, IAntiforgery antiforgery, SigningSecrets secrets, Arrivals arrivals, string? error)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var token = $"""<input type="hidden" name="{ReceiverPage.Encode(tokens.FormFieldName)}" value="{ReceiverPage.Encode(tokens.RequestToken)}">""";
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        var secretRows = string.Concat(secrets.All.Select(s =>
            $"<li><code>{ReceiverPage.Encode(origin + HookAddress.PathOf(s.Key))}</code>: a secret is set</li>"));
        var errorHtml = error is null ? "" : $"""<p class="error" role="alert" id="secret-error">{ReceiverPage.Encode(error)}</p>""";
        var described = error is null ? "" : """ aria-describedby="secret-error" aria-invalid="true" """;
        var rows = string.Concat(arrivals.Newest().Select(ArrivalRow));
        var table = rows.Length == 0
            ? "<p>Nothing has arrived yet.</p>"
            : $"""
              <table>
              <thead><tr><th scope="col">Received</th><th scope="col">Address</th><th scope="col">Event</th><th scope="col">Signature</th><th scope="col">Answered</th><th scope="col">Body</th></tr></thead>
              <tbody>{rows}</tbody>
              </table>
              """;
        return new ReceiverPage("Deliveries", $"""
            <h1>Webhook deliveries</h1>
            <p>Register an endpoint in the portal (Settings &gt; Webhooks) with an address such as
            <code>{ReceiverPage.Encode(origin + HookAddress.PathOf("my-endpoint"))}</code>, then paste the signing secret the portal shows here.</p>
            <h2>Signing secrets</h2>
            <ul>{secretRows}</ul>
            <form method="post" action="/secrets">
            {token}
            {errorHtml}
            <label for="slug">Address name (the part after /hooks/)</label>
            <input type="text" id="slug" name="slug" required{described}>
            <label for="secret">Signing secret</label>
            <input type="text" id="secret" name="secret" required autocomplete="off"{described}>
            <button type="submit">Save secret</button>
            </form>
            <form method="post" action="/failing">
            {token}
            <label><input type="checkbox" name="failing"{(arrivals.Failing ? " checked" : "")}> Answer 503 to every delivery (to watch the portal retry)</label>
            <button type="submit">Apply</button>
            </form>
            <h2>Arrived</h2>
            {table}
            """, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static string ArrivalRow(Arrival arrival)
    {
        var signature = arrival.Signature switch
        {
            SignatureCheck.Verified => """<span class="verified">Verified</span>""",
            SignatureCheck.DoesNotMatch => $"""<span class="error">Does not match</span>: {ReceiverPage.Encode(arrival.SignatureProblem)}""",
            _ => $"Not verified: {ReceiverPage.Encode(arrival.SignatureProblem)}",
        };
        return $"""
            <tr data-webhook-id="{ReceiverPage.Encode(arrival.WebhookId)}">
            <td>{ReceiverPage.Encode(arrival.ReceivedAt.ToString("u"))}</td>
            <td>{ReceiverPage.Encode(arrival.Slug)}</td>
            <td>{ReceiverPage.Encode(arrival.EventType ?? "(no type)")}</td>
            <td>{signature}</td>
            <td>{arrival.AnsweredWith}</td>
            <td><details><summary>{ReceiverPage.Encode(arrival.WebhookId ?? "body")}</summary><pre>{ReceiverPage.Encode(arrival.Body)}</pre></details></td>
            </tr>
            """;
    }
}
