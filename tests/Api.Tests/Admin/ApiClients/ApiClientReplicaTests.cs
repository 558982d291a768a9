using System.Net;

namespace Api.Tests.Admin.ApiClients;

/// <summary>
/// Two replicas on one database and one cache: an API client revoked on one replica is refused
/// (401) on the other at its very next request, and its request budget is one across both.
/// </summary>
public sealed class ApiClientReplicaTests(TwoReplicasFixture fixture) : IClassFixture<TwoReplicasFixture>
{
    [Fact]
    public async Task A_client_revoked_on_one_replica_answers_401_on_the_other_at_once()
    {
        var replicas = fixture.Replicas;
        var world = await AdminWorld.CreateAsync(replicas.First.Services);
        var admin = await world.StaffAsync();
        using var first = new ApiClientSteps(replicas.First);
        using var second = new ApiClientSteps(replicas.Second);
        var created = await first.CreateAsync(admin, "admin.read");
        var script = await second.TokenAsync(created);
        Assert.Equal(HttpStatusCode.OK, (await second.SendAsync(script, HttpMethod.Get, "/api/admin/end-users")).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await first.SendAsync(admin, HttpMethod.Post, $"/api/admin/api-clients/{created.Id}/revoke")).Status);

        Assert.Equal(HttpStatusCode.Unauthorized, (await second.SendAsync(script, HttpMethod.Get, "/api/admin/end-users")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.SendAsync(script, HttpMethod.Get, "/api/admin/end-users")).Status);
        Assert.NotEqual(HttpStatusCode.OK, (await second.TokenAnswerAsync(created.ClientId, created.Secret)).Status);
    }
}
