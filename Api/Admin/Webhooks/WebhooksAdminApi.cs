using Api.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Api.Admin.Webhooks;

/// <summary>
/// Settings &gt; Webhooks: a partner's admins register endpoints that receive signed events about
/// their end users and batches, and read each endpoint's delivery log. A partner's own setting
/// (operators, who have no partner, are told to ask the partner); another partner's ids answer 404;
/// every change is audited.
/// </summary>
public static class WebhooksAdminApi
{
    public static RouteGroupBuilder MapWebhooksAdminApi(this RouteGroupBuilder admin)
    {
        var webhooks = admin.MapGroup("/webhooks")
            .RequireAuthorization(AuthorizationPolicies.Manager)
            .WithMetadata(new RequestSizeLimitAttribute(InputRules.MaxBodyBytes));
        webhooks.MapGet("/event-types", ListWebhookEventTypes.Handle)
            .WithName("ListWebhookEventTypes")
            .WithSummary("The events an endpoint can subscribe to.");
        webhooks.MapGet("/endpoints", ListWebhookEndpoints.HandleAsync)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ListWebhookEndpoints")
            .WithSummary("The partner's webhook endpoints (never their secrets).");
        webhooks.MapPost("/endpoints", CreateWebhookEndpoint.HandleAsync)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CreateWebhookEndpoint")
            .WithSummary("Registers an endpoint (https, a public address) for the chosen events; answers its signing secret this once. At most 10 per partner.");
        webhooks.MapGet("/endpoints/{endpointId:guid}", GetWebhookEndpoint.HandleAsync)
            .WithName("GetWebhookEndpoint")
            .WithSummary("One endpoint.");
        webhooks.MapPut("/endpoints/{endpointId:guid}", EditWebhookEndpoint.HandleAsync)
            .WithName("EditWebhookEndpoint")
            .WithSummary("Changes an endpoint's address, description or events.");
        webhooks.MapPost("/endpoints/{endpointId:guid}/enable", EnableWebhookEndpoint.HandleAsync)
            .WithName("EnableWebhookEndpoint")
            .WithSummary("Sends to the endpoint again (also after it was disabled automatically); deliveries that waited go out.");
        webhooks.MapPost("/endpoints/{endpointId:guid}/disable", DisableWebhookEndpoint.HandleAsync)
            .WithName("DisableWebhookEndpoint")
            .WithSummary("Stops sending to the endpoint until it is enabled again.");
        webhooks.MapDelete("/endpoints/{endpointId:guid}", DeleteWebhookEndpoint.HandleAsync)
            .WithName("DeleteWebhookEndpoint")
            .WithSummary("Removes the endpoint and its delivery log.");
        webhooks.MapPost("/endpoints/{endpointId:guid}/secret", RotateWebhookSecret.HandleAsync)
            .WithName("RotateWebhookSecret")
            .WithSummary("Gives the endpoint a new signing secret, answered this once; the old one stops at once.");
        webhooks.MapPost("/endpoints/{endpointId:guid}/test", SendTestWebhook.HandleAsync)
            .WithName("SendTestWebhook")
            .WithSummary("Queues a signed webhook.test event for this endpoint; its outcome shows in the delivery log.");
        webhooks.MapGet("/endpoints/{endpointId:guid}/deliveries", ListWebhookDeliveries.HandleAsync)
            .WithName("ListWebhookDeliveries")
            .WithSummary("The endpoint's delivery log: every attempt, newest first (time, event, status, response code, latency).");
        webhooks.MapPost("/endpoints/{endpointId:guid}/deliveries/{deliveryId:guid}/replay", ReplayWebhookDelivery.HandleAsync)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ReplayWebhookDelivery")
            .WithSummary("Sends a delivered or failed event to the endpoint again, with the same event id.");
        return admin;
    }
}
