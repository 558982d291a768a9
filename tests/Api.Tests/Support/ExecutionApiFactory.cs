using Api.SsoMigration.Execution;
using Api.Tests.Sso;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;

namespace Api.Tests.Support;

/// <summary>
/// The Api without its own batch runner: the execution tests start runners themselves (several,
/// killed, on a fake clock) and so decide exactly who runs what. The poll interval is an hour,
/// so a runner a test starts wakes only on its signal.
/// </summary>
public sealed class ExecutionApiFactory : SsoApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Migration:PollInterval", "01:00:00");
        builder.ConfigureTestServices(services =>
        {
            foreach (var runner in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(BatchRunner)).ToList())
            {
                services.Remove(runner);
            }
        });
    }
}

[CollectionDefinition(Name)]
public sealed class ExecutionCollection : ICollectionFixture<ExecutionApiFactory>
{
    public const string Name = "migration-execution";
}
