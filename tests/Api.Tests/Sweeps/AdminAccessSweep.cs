using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Api.Shared;
using Api.Tests.Admin;
using Api.Tests.Sso;

namespace Api.Tests.Sweeps;

/// <summary>
/// Generated from the OpenAPI document over every admin endpoint: a session opened without a
/// second factor is refused (403) whoever holds it, a signed-in end user who is not staff is
/// refused (403), and another partner's ids — in the path, the query or the body — answer 404
/// as if they did not exist, while the same request with the caller's own ids gets through
/// (the control, so the id is what is refused); on the operators' migration console and system
/// status partner staff are refused (403) whatever the ids, while an operator gets through. An
/// endpoint added later is swept without being listed here.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class AdminAccessSweep(SsoApiFactory api)
{
    public static TheoryData<string> AdminOperations() => Rows(AdminEndpoints());

    // Operator-only endpoints refuse every partner's staff before looking at an id: swept below.
    public static TheoryData<string> OperationsTakingIds() => Rows(AdminEndpoints().Where(o => IdSlots(o).Any() && !IsOperatorOnly(o)));

    public static TheoryData<string> OperatorOnlyOperations() => Rows(AdminEndpoints().Where(IsOperatorOnly));

    [Theory]
    [MemberData(nameof(AdminOperations))]
    [Trait("ASVS", "4.1.1")]
    [Trait("ASVS", "4.3.1")]
    public async Task A_session_without_MFA_is_refused(string operation)
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var passwordOnly = await world.StaffAsync(ProductRoles.PartnerAdmin, mfa: false);
        var ids = await world.IdsAsync();

        var answer = await CallAsync(passwordOnly, ApiDescription.Find(operation), ids);

        AssertRefused(HttpStatusCode.Forbidden, answer);
    }

    [Theory]
    [MemberData(nameof(AdminOperations))]
    [Trait("ASVS", "4.1.1")]
    public async Task A_signed_in_end_user_is_refused(string operation)
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var endUser = await world.EndUserLoginAsync();
        var ids = await world.IdsAsync();

        var answer = await CallAsync(endUser, ApiDescription.Find(operation), ids);

        AssertRefused(HttpStatusCode.Forbidden, answer);
    }

    [Theory]
    [MemberData(nameof(OperationsTakingIds))]
    [Trait("ASVS", "4.2.1")]
    public async Task Another_partners_ids_answer_404(string operation)
    {
        var target = ApiDescription.Find(operation);
        var mine = await AdminWorld.CreateAsync(api.Services);
        var theirs = await AdminWorld.CreateAsync(api.Services);
        var admin = await mine.StaffAsync();

        var control = await CallAsync(admin, target, await mine.IdsAsync());
        var answer = await CallAsync(admin, target, await theirs.IdsAsync());

        // Through means found: done (2xx), or refused for the state it is in (409: a user whose move
        // to SSO never failed has no failed move to retry) — never "not found".
        Assert.True((int)control.Status is >= 200 and < 300 or 409, $"control with the caller's own ids did not get through: {control}");
        if (target.Path.EndsWith("/bulk", StringComparison.Ordinal))
        {
            // A bulk request reports each id; another partner's are "not found", none succeeds.
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Equal(0, answer.Json!["succeeded"]!.GetValue<int>());
            return;
        }

        AssertRefused(HttpStatusCode.NotFound, answer);
    }

    [Theory]
    [MemberData(nameof(OperatorOnlyOperations))]
    [Trait("ASVS", "4.1.1")]
    public async Task Partner_staff_are_refused_where_only_operators_act(string operation)
    {
        var target = ApiDescription.Find(operation);
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        var ids = await world.IdsAsync();

        // The control: an operator making the same request gets past the check, so the role is what is refused.
        var control = await CallAsync(await AdminWorld.OperatorAsync(api.Services), target, ids);
        var answer = await CallAsync(admin, target, ids);

        Assert.True(control.Status != HttpStatusCode.Forbidden && (int)control.Status < 500, $"control as an operator did not get past the check: {control}");
        AssertRefused(HttpStatusCode.Forbidden, answer);
    }

    internal static bool IsOperatorOnly(ApiOperation operation) =>
        operation.Path.StartsWith("/api/admin/migration/batches", StringComparison.Ordinal)
        || operation.Path.StartsWith("/api/admin/migration/reminders", StringComparison.Ordinal)
        || operation.Path == "/api/admin/status";

    internal static IEnumerable<ApiOperation> AdminEndpoints() =>
        ApiDescription.Operations.Where(o => o.Path.StartsWith("/api/admin/", StringComparison.Ordinal));

    internal static TheoryData<string> Rows(IEnumerable<ApiOperation> operations)
    {
        var rows = new TheoryData<string>();
        foreach (var operation in operations)
        {
            rows.Add(operation.Key);
        }

        return rows;
    }

    /// <summary>Where an operation takes an id of the caller's data: uuid path or query parameters, clientId or ids in the body.</summary>
    internal static IEnumerable<string> IdSlots(ApiOperation operation) =>
        operation.Parameters.Where(p => p.Format == "uuid" && p.In is "path" or "query").Select(p => p.Name)
            .Concat((operation.BodyProperties?.Keys ?? []).Where(name => name is "clientId" or "ids"));

    private Task<SsoResponse> CallAsync(StaffLogin caller, ApiOperation target, PartnerIds ids) => CallAsync(api, caller, target, ids);

    /// <summary>The operation with plausible input and these ids, as <paramref name="caller"/> (a session's token or an API client's).</summary>
    internal static async Task<SsoResponse> CallAsync(SsoApiFactory api, StaffLogin caller, ApiOperation target, PartnerIds ids)
    {
        var url = target.Url(p => p.Format == "uuid" ? ids.For(p.Name).ToString() : Plausible(p));
        using var request = caller.Request(new HttpMethod(target.Method), url);
        if (target.HasBody)
        {
            request.Content = new StringContent(PlausibleBody(target, ids).ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var browser = new SsoDriver(api);
        return await SsoResponse.ReadAsync(await browser.Http.SendAsync(request));
    }

    private static string Plausible(ApiParameter parameter) => parameter.Name switch
    {
        "page" => "1",
        "pageSize" => "20",
        "productClientId" => RmmConsole.ClientId,
        _ => parameter.Type switch
        {
            "integer" or "number" => "1",
            "boolean" => "true",
            _ => "",
        },
    };

    /// <summary>A body that passes validation, so that only the ids can be what is refused.</summary>
    private static JsonObject PlausibleBody(ApiOperation target, PartnerIds ids)
    {
        var body = new JsonObject();
        foreach (var (name, _) in target.BodyProperties!)
        {
            body[name] = name switch
            {
                "clientId" => ids.ClientId.ToString(),
                "ids" => new JsonArray(ids.EndUserId.ToString()),
                "name" => "Sweep Person",
                "email" => $"sweep-{Guid.NewGuid():N}@sweep.example",
                "role" => "End User",
                "action" => "resend-activation",
                "body" => "Sweep answer",
                "status" => "In progress",
                "roles" => new JsonArray(ProductRoles.RmmTechnician),
                "enabled" => true,
                "url" => "http://127.0.0.1:9/sweep",
                "events" => new JsonArray("end_user.created"),
                _ => null,
            };
        }

        return body;
    }

    internal static void AssertRefused(HttpStatusCode expected, SsoResponse answer)
    {
        Assert.True(answer.Status == expected, $"expected {(int)expected}, got {answer}");
        Assert.True(answer.IsProblem, $"expected ProblemDetails, got {answer}");
        Assert.True(MalformedInputSweep.HasSentence(answer), $"no sentence for the user: {answer}");
    }
}
