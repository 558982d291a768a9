using Api.Shared.Limits;
using Api.Tests.Sso;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Security.Limits;

/// <summary>
/// The Api with the limits it ships with (no test configuration raises them), for the tests that
/// prove them. Earlier use of a budget ("this address was mailed three times today") is arranged by
/// taking its units beforehand, as earlier requests would have.
/// </summary>
public sealed class LimitsApiFactory : SsoApiFactory
{
    protected override bool ShippedLimits => true;

    /// <summary>Takes <paramref name="units"/> of a budget, as earlier requests would have.</summary>
    public async Task SpendAsync(string key, long limit, TimeSpan window, long units) =>
        Assert.True((await Services.GetRequiredService<RedisBudget>().TryTakeAsync(key, limit, window, units)).Taken);
}

[CollectionDefinition(Name)]
public sealed class LimitsCollection : ICollectionFixture<LimitsApiFactory>
{
    public const string Name = "limits";
}
