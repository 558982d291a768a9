using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using AppHost;
using Microsoft.Extensions.DependencyInjection;

namespace EndToEnd.Tests.Infrastructure;

/// <summary>
/// Starts the whole stack once for every test in the collection, exactly as
/// `dotnet run --project AppHost` would, on the embedded defaults, with a fresh SQLite file.
/// </summary>
public sealed class StackFixture : IAsyncLifetime
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    /// <summary>How far ahead of a batch this stack sends its notice (d.hh:mm:ss).</summary>
    public const string MigrationNoticeLead = "16.00:00:00";

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "eup-e2e-" + Guid.NewGuid().ToString("N")[..8]);

    public DistributedApplication App { get; private set; } = null!;

    public Uri PortalUrl { get; private set; } = null!;

    public Uri MailInboxUrl { get; private set; } = null!;

    /// <summary>The second product of the platform (the RMM console), on an origin of its own.</summary>
    public Uri RmmConsoleUrl { get; private set; } = null!;

    /// <summary>The development webhook receiver (a partner's tool): where an endpoint's deliveries arrive.</summary>
    public Uri WebhookReceiverUrl { get; private set; } = null!;

    public TimeSpan StartedIn { get; private set; }

    public async Task InitializeAsync()
    {
        // Disposal otherwise waits ~13 s for resource clean-up that the OS does anyway.
        Environment.SetEnvironmentVariable("DcpPublisher__WaitForResourceCleanup", "false");

        var started = System.Diagnostics.Stopwatch.StartNew();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [$"--Database:DataDirectory={dataDirectory}"]);
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        // The migration journey schedules a batch 15 days ahead and expects the partner's notice
        // at once: in this stack notices go out 16 days ahead (two weeks by default).
        builder.Resources.OfType<ProjectResource>().Single(r => r.Name == ResourceNames.Api).Annotations.Add(
            new EnvironmentCallbackAnnotation(context => context.EnvironmentVariables["Migration__NoticeLead"] = MigrationNoticeLead));

        App = await builder.BuildAsync();
        using var cts = new CancellationTokenSource(StartTimeout);
        await App.StartAsync(cts.Token);
        foreach (var resource in new[] { ResourceNames.Cache, ResourceNames.Mail, ResourceNames.Api, ResourceNames.WebClient, ResourceNames.RmmConsole, ResourceNames.WebhookReceiver })
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, cts.Token);
        }

        StartedIn = started.Elapsed;
        PortalUrl = App.GetEndpoint(ResourceNames.WebClient, "http");
        MailInboxUrl = App.GetEndpoint(ResourceNames.Mail, "http");
        RmmConsoleUrl = App.GetEndpoint(ResourceNames.RmmConsole, "http");
        WebhookReceiverUrl = App.GetEndpoint(ResourceNames.WebhookReceiver, "http");
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class StackCollection : ICollectionFixture<StackFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "stack";
}
