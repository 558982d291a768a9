using Api.SsoMigration.Reminders;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Api.Tests.Reminders;

/// <summary>
/// The Api without its own reminder sender: the tests run senders themselves, on fake clocks, so
/// they decide exactly when a pass runs and what day it thinks it is.
/// </summary>
public sealed class RemindersApiFactory : SsoApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            foreach (var sender in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ReminderSender)).ToList())
            {
                services.Remove(sender);
            }
        });
    }
}

[CollectionDefinition(Name)]
public sealed class RemindersCollection : ICollectionFixture<RemindersApiFactory>
{
    public const string Name = "migration-reminders";
}
