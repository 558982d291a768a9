using System.Text;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace WebhookReceiver;

/// <summary>
/// The receiving side, written the way a partner's own code should be: read the raw body, verify
/// the signature over exactly those bytes with the library (which also refuses a timestamp more
/// than five minutes off, against replays), and only then trust the content.
/// </summary>
public static class Hooks
{
    /// <summary>The portal caps its events far below this; anything larger is not ours.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapHooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/hooks/{slug}", ReceiveAsync).DisableAntiforgery();
        app.MapGet("/arrivals.json", (Arrivals arrivals) => Results.Json(arrivals.Newest()));
        return app;
    }

    private static async Task<IResult> ReceiveAsync(string slug, HttpRequest request, SigningSecrets secrets, Arrivals arrivals)
    {
        if (!HookAddress.IsValidSlug(slug))
        {
            return Results.Problem(HookAddress.SlugRule, statusCode: StatusCodes.Status404NotFound);
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return Results.Problem("The delivery is larger than this receiver takes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        }

        var webhookId = request.Headers["webhook-id"].ToString();
        var (check, problem) = Verify(secrets.For(slug), body, request.Headers);
        var answer = check == SignatureCheck.DoesNotMatch ? StatusCodes.Status401Unauthorized
            : arrivals.Failing ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status204NoContent;
        arrivals.Add(slug, string.IsNullOrEmpty(webhookId) ? null : webhookId, body, check, problem, answer);
        return answer switch
        {
            StatusCodes.Status401Unauthorized => Results.Problem(problem, statusCode: answer),
            StatusCodes.Status503ServiceUnavailable => Results.Problem("This receiver is set to fail every delivery.", statusCode: answer),
            _ => Results.NoContent(),
        };
    }

    private static (SignatureCheck Check, string? Problem) Verify(string? secret, string body, IHeaderDictionary headers)
    {
        if (secret is null)
        {
            return (SignatureCheck.NoSecretSet, "No signing secret was set for this address when the delivery arrived.");
        }

        try
        {
            new StandardWebhook(secret).Verify(body, headers);
            return (SignatureCheck.Verified, null);
        }
        catch (WebhookVerificationException refused)
        {
            return (SignatureCheck.DoesNotMatch, refused.Message);
        }
    }
}
