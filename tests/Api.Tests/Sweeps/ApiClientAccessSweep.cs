using System.Net;
using Api.Tests.Admin;
using Api.Tests.Admin.ApiClients;
using Api.Tests.Sso;

namespace Api.Tests.Sweeps;

/// <summary>
/// Generated from the OpenAPI document over every admin endpoint, with API client tokens got at the
/// token endpoint as a partner's script gets them: a revoked client's token answers 401; a token
/// with only the scim scope is refused (403); a read-only token is refused on every write (403);
/// another partner's ids answer 404 while the same request with the client's own partner's ids gets
/// through; operators' endpoints and the management of API clients refuse every API client (403).
/// An endpoint added later is swept without being listed here.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ApiClientAccessSweep(SsoApiFactory api)
{
    public static TheoryData<string> AdminOperations() => AdminAccessSweep.Rows(AdminAccessSweep.AdminEndpoints());

    public static TheoryData<string> Writes() =>
        AdminAccessSweep.Rows(AdminAccessSweep.AdminEndpoints().Where(o => o.Method is not ("GET" or "HEAD")));

    public static TheoryData<string> OperationsTakingIds() =>
        AdminAccessSweep.Rows(AdminAccessSweep.AdminEndpoints().Where(o => AdminAccessSweep.IdSlots(o).Any() && AcceptsApiClients(o)));

    public static TheoryData<string> PeopleOnlyOperations() =>
        AdminAccessSweep.Rows(AdminAccessSweep.AdminEndpoints().Where(o => !AcceptsApiClients(o)));

    [Theory]
    [MemberData(nameof(AdminOperations))]
    [Trait("ASVS", "4.1.1")]
    public async Task A_revoked_clients_token_answers_401(string operation)
    {
        var (world, steps, admin) = await StartAsync();
        using var _ = steps;
        var created = await steps.CreateAsync(admin, "admin.read", "admin.write");
        var script = await steps.TokenAsync(created);
        Assert.Equal(HttpStatusCode.NoContent, (await steps.SendAsync(admin, HttpMethod.Post, $"/api/admin/api-clients/{created.Id}/revoke")).Status);

        var answer = await AdminAccessSweep.CallAsync(api, script, ApiDescription.Find(operation), await world.IdsAsync());

        Assert.True(answer.Status == HttpStatusCode.Unauthorized, $"expected 401, got {answer}");
    }

    [Theory]
    [MemberData(nameof(AdminOperations))]
    [Trait("ASVS", "4.1.3")]
    public async Task A_scim_only_token_is_refused(string operation)
    {
        var (world, steps, admin) = await StartAsync();
        using var _ = steps;
        var script = await steps.TokenAsync(await steps.CreateAsync(admin, "scim"));

        var answer = await AdminAccessSweep.CallAsync(api, script, ApiDescription.Find(operation), await world.IdsAsync());

        AdminAccessSweep.AssertRefused(HttpStatusCode.Forbidden, answer);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    [Trait("ASVS", "4.1.3")]
    public async Task A_read_only_token_is_refused_on_every_write(string operation)
    {
        var (world, steps, admin) = await StartAsync();
        using var _ = steps;
        var script = await steps.TokenAsync(await steps.CreateAsync(admin, "admin.read"));

        var answer = await AdminAccessSweep.CallAsync(api, script, ApiDescription.Find(operation), await world.IdsAsync());

        AdminAccessSweep.AssertRefused(HttpStatusCode.Forbidden, answer);
    }

    [Theory]
    [MemberData(nameof(OperationsTakingIds))]
    [Trait("ASVS", "4.2.1")]
    public async Task Another_partners_ids_answer_404(string operation)
    {
        var target = ApiDescription.Find(operation);
        var (mine, steps, admin) = await StartAsync();
        using var _ = steps;
        var theirs = await AdminWorld.CreateAsync(api.Services);
        var script = await steps.TokenAsync(await steps.CreateAsync(admin, "admin.read", "admin.write"));

        var control = await AdminAccessSweep.CallAsync(api, script, target, await mine.IdsAsync());
        var answer = await AdminAccessSweep.CallAsync(api, script, target, await theirs.IdsAsync());

        Assert.True((int)control.Status is >= 200 and < 300 or 409, $"control with the client's own partner's ids did not get through: {control}");
        if (target.Path.EndsWith("/bulk", StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Equal(0, answer.Json!["succeeded"]!.GetValue<int>());
            return;
        }

        AdminAccessSweep.AssertRefused(HttpStatusCode.NotFound, answer);
    }

    [Theory]
    [MemberData(nameof(PeopleOnlyOperations))]
    [Trait("ASVS", "4.1.1")]
    public async Task Every_scope_together_is_refused_where_only_people_act(string operation)
    {
        var (world, steps, admin) = await StartAsync();
        using var _ = steps;
        var script = await steps.TokenAsync(await steps.CreateAsync(admin, "admin.read", "admin.write", "scim"));

        var answer = await AdminAccessSweep.CallAsync(api, script, ApiDescription.Find(operation), await world.IdsAsync());

        AdminAccessSweep.AssertRefused(HttpStatusCode.Forbidden, answer);
    }

    /// <summary>Operators' endpoints and API client management: an API client never passes them, whatever its scopes.</summary>
    private static bool AcceptsApiClients(ApiOperation operation) =>
        !AdminAccessSweep.IsOperatorOnly(operation) && !operation.Path.StartsWith("/api/admin/api-clients", StringComparison.Ordinal);

    private async Task<(AdminWorld World, ApiClientSteps Steps, StaffLogin Admin)> StartAsync()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        return (world, new ApiClientSteps(api), await world.StaffAsync());
    }
}
