using Microsoft.AspNetCore.Http.HttpResults;
using Api.Admin.EndUsers;
using Api.Shared;
using Api.Webhooks;

namespace Api.Admin.Webhooks;

/// <param name="Url">Where events are POSTed: https:// (http:// only in Development), a public address.</param>
/// <param name="Description">What the endpoint is for, up to 200 characters; optional.</param>
/// <param name="Events">The event types to receive (see GET /api/admin/webhooks/event-types); at least one.</param>
public sealed record WebhookEndpointRequest(string? Url, string? Description, IReadOnlyList<string>? Events);

/// <summary>The checked fields of an endpoint form, or the first problem with a sentence naming the field.</summary>
public sealed record WebhookEndpointInput(string Url, string? Description, string Events)
{
    public const int MaxDescriptionLength = 200;

    public static async Task<(WebhookEndpointInput? Input, ValidationProblem? Problem)> CheckAsync(
        WebhookEndpointRequest body, WebhookUrlCheck urls, CancellationToken cancellationToken)
    {
        if (await urls.ProblemAsync(body.Url, cancellationToken) is { } urlProblem)
        {
            return (null, Problems.Invalid("url", urlProblem));
        }

        var description = string.IsNullOrWhiteSpace(body.Description) ? null : body.Description.Trim();
        if (description is not null && (description.Length > MaxDescriptionLength || !EndUserInput.IsPrintable(description)))
        {
            return (null, Problems.Invalid("description", $"Describe the endpoint in up to {MaxDescriptionLength} characters, without control characters, or leave it empty."));
        }

        var events = (body.Events ?? []).Select(e => e?.Trim() ?? "").Distinct().ToList();
        if (events.Count == 0)
        {
            return (null, Problems.Invalid("events", "Choose at least one event to send to this endpoint."));
        }

        if (events.FirstOrDefault(e => !WebhookEventTypes.All.Contains(e)) is { } unknown)
        {
            return (null, Problems.Invalid("events", $"There is no event called “{(unknown.Length > 64 ? unknown[..64] : unknown)}”. Choose from the list."));
        }

        // In the list's order, so a form shows them the way it offered them.
        var ordered = WebhookEventTypes.All.Where(events.Contains);
        return (new WebhookEndpointInput(body.Url!.Trim(), description, string.Join(' ', ordered)), null);
    }
}
