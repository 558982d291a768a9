using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace AppHost;

internal static class WebClientResources
{
    /// <summary>
    /// The Vite dev server for the SPA, at a fixed port people can bookmark (Ports:Portal, default
    /// 5173). npm packages are installed first when node_modules is missing or older than the lock.
    /// </summary>
    public static IResourceBuilder<ExecutableResource> AddPortalWebClient(this IDistributedApplicationBuilder builder, string repositoryRoot)
    {
        var directory = Path.Combine(repositoryRoot, "WebClient");
        var port = builder.Configuration.GetValue<int?>("Ports:Portal") ?? 5173;

        var webclient = builder.AddExecutable(ResourceNames.WebClient, "npm", directory, "run", "dev")
            .WithHttpEndpoint(port: port, env: "PORT", name: "http")
            .WithHttpHealthCheck("/")
            .WithUrlForEndpoint("http", url => url.DisplayText = "End User Portal");

        if (NeedsInstall(directory))
        {
            var install = builder.AddExecutable(ResourceNames.WebClientInstall, "npm", directory, "ci", "--no-audit", "--no-fund")
                .WithParentRelationship(webclient);
            webclient.WaitForCompletion(install);
        }

        return webclient;
    }

    private static bool NeedsInstall(string directory)
    {
        var installed = Path.Combine(directory, "node_modules", ".package-lock.json");
        var lockFile = Path.Combine(directory, "package-lock.json");
        return !File.Exists(installed) || File.GetLastWriteTimeUtc(lockFile) > File.GetLastWriteTimeUtc(installed);
    }
}
