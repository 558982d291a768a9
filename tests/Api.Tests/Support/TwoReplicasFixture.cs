namespace Api.Tests.Support;

/// <summary>Two replicas shared by the tests of one class (each test uses its own users), on the SSO's https issuer.</summary>
public sealed class TwoReplicasFixture : IAsyncLifetime
{
    public TwoReplicas Replicas { get; private set; } = null!;

    public async Task InitializeAsync() => Replicas = await TwoReplicas.StartAsync(SsoApiFactory.Issuer);

    public async Task DisposeAsync() => await Replicas.DisposeAsync();
}
