using Api.Tests.Sso;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Api.Tests.Portal.Devices;

/// <summary>The Api on a clock the test moves: whether a device is online depends on how long ago its agent checked in.</summary>
public sealed class DeviceClockApiFactory : SsoApiFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

[CollectionDefinition(Name)]
public sealed class DeviceClockCollection : ICollectionFixture<DeviceClockApiFactory>
{
    public const string Name = "device-clock";
}
