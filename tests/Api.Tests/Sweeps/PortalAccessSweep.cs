using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Api.Tests.Admin;
using Api.Tests.Portal.Tickets;
using Api.Tests.Sso;

namespace Api.Tests.Sweeps;

/// <summary>
/// Generated from the OpenAPI document over every end-user endpoint that names something by id
/// (a ticket, its attachment, a device): another end user's ids of the same client, and another
/// client's, answer 404 as if they did not exist, while the same request with the caller's own ids
/// gets through (the control, so the id is what is refused). An endpoint added later is swept
/// without being listed here; an id this sweep cannot provide fails it until it learns one.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class PortalAccessSweep(SsoApiFactory api)
{
    public static TheoryData<string> OperationsTakingIds()
    {
        var rows = new TheoryData<string>();
        foreach (var operation in ApiDescription.Operations.Where(o =>
            o.Path.StartsWith("/api/portal/", StringComparison.Ordinal) && o.Parameters.Any(p => p is { In: "path", Format: "uuid" })))
        {
            rows.Add(operation.Key);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(OperationsTakingIds))]
    [Trait("ASVS", "4.2.1")]
    public async Task A_colleagues_and_another_clients_ids_answer_404(string operation)
    {
        var target = ApiDescription.Find(operation);
        var world = await TicketWorld.CreateAsync(api.Services);
        var me = await world.EndUserAsync();
        var mine = await IdsOfAsync(world, me.Id, world.Admin.Clients[0]);
        var colleagues = await IdsOfAsync(world, (await world.EndUserAsync()).Id, world.Admin.Clients[0]);
        var otherClients = await IdsOfAsync(world, (await world.EndUserAsync(world.Admin.Clients[1])).Id, world.Admin.Clients[1]);

        var control = await CallAsync(me.Login, target, mine);
        var colleague = await CallAsync(me.Login, target, colleagues);
        var otherClient = await CallAsync(me.Login, target, otherClients);

        Assert.True((int)control.Status is >= 200 and < 300, $"control with the caller's own ids did not get through: {control}");
        foreach (var answer in new[] { colleague, otherClient })
        {
            Assert.True(answer.Status == HttpStatusCode.NotFound, $"expected 404, got {answer}");
            Assert.True(answer.IsProblem, $"expected ProblemDetails, got {answer}");
            Assert.True(MalformedInputSweep.HasSentence(answer), $"no sentence for the user: {answer}");
        }
    }

    /// <summary>One end user's data: a ticket with an attachment, and a device assigned to them that the ticket names.</summary>
    private static async Task<EndUserIds> IdsOfAsync(TicketWorld world, Guid endUserId, Api.Portal.Client client)
    {
        var deviceId = await world.DeviceAsync(client, endUserId);
        var (ticketId, attachmentId) = await world.Admin.TicketAsync(endUserId, client, deviceId);
        return new EndUserIds(ticketId, attachmentId, deviceId);
    }

    private async Task<SsoResponse> CallAsync(StaffLogin caller, ApiOperation target, EndUserIds ids)
    {
        var url = target.Url(p => p.Format == "uuid" ? ids.For(p.Name).ToString() : ApiOperation.PlausibleValue(p));
        using var request = caller.Request(new HttpMethod(target.Method), url);
        if (target.HasBody)
        {
            var body = new JsonObject();
            foreach (var (name, _) in target.BodyProperties!)
            {
                body[name] = name == "body" ? "Sweep comment" : null;
            }

            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var browser = new SsoDriver(api);
        return await SsoResponse.ReadAsync(await browser.Http.SendAsync(request));
    }

    private sealed record EndUserIds(Guid TicketId, Guid AttachmentId, Guid DeviceId)
    {
        public Guid For(string parameter) => parameter switch
        {
            "ticketId" => TicketId,
            "attachmentId" => AttachmentId,
            "deviceId" => DeviceId,
            _ => throw new InvalidOperationException($"The portal sweep has no id for the path parameter '{parameter}': teach it one."),
        };
    }
}
