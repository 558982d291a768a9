using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace AppHost;

/// <summary>Garnet, Microsoft's Redis-protocol server, run from the local dotnet tool.</summary>
public sealed class GarnetResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public EndpointReference PrimaryEndpoint => new(this, "tcp");

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)},abortConnect=false");
}

internal static class CacheResources
{
    /// <summary>
    /// Cache:Mode = Embedded (default: Garnet), Container (Redis container) or External
    /// (ConnectionStrings:cache points at an existing Redis).
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddPortalCache(this IDistributedApplicationBuilder builder, string repositoryRoot)
    {
        var mode = builder.Configuration["Cache:Mode"] ?? "Embedded";
        switch (mode.ToLowerInvariant())
        {
            case "container":
                ContainerRuntime.EnsureAvailable("Cache:Mode=Container (a Redis container)");
                return builder.AddRedis(ResourceNames.Cache).WithoutDevelopmentCertificate();
            case "external":
                return builder.AddConnectionString(ResourceNames.Cache);
            case "embedded":
                return builder.AddGarnet(repositoryRoot);
            default:
                throw new StartRefusedException($"Cache:Mode '{mode}' is not known. Use Embedded, Container or External.");
        }
    }

    private static IResourceBuilder<GarnetResource> AddGarnet(this IDistributedApplicationBuilder builder, string repositoryRoot)
    {
        var tool = LocalDotnetTool.Find(repositoryRoot, "garnet-server");
        var garnet = builder.AddResource(new GarnetResource(ResourceNames.Cache, tool.Command, repositoryRoot))
            .WithEndpoint(name: "tcp", scheme: "tcp")
            .WithIconName("Database");
        var port = garnet.Resource.PrimaryEndpoint.Property(EndpointProperty.TargetPort);
        // --lua: the session and throttling code uses Lua scripts for atomic updates.
        garnet.WithArgs(context =>
        {
            foreach (var arg in tool.PrefixArgs)
            {
                context.Args.Add(arg);
            }

            context.Args.Add("--bind");
            context.Args.Add("127.0.0.1");
            context.Args.Add("--port");
            context.Args.Add(port);
            context.Args.Add("--lua");
        });

        var healthCheck = $"{ResourceNames.Cache}-ping";
        builder.Services.AddHealthChecks().AddRedis(
            _ => garnet.Resource.ConnectionStringExpression.GetValueAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult()!,
            name: healthCheck);
        return garnet.WithHealthCheck(healthCheck);
    }
}
