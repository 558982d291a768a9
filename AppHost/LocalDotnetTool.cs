using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Xml.Linq;

namespace AppHost;

/// <summary>
/// Finds a local dotnet tool (from .config/dotnet-tools.json) in the NuGet cache, restoring the
/// tools first when needed, so the app host can start the tool's own process. Starting it directly
/// rather than through `dotnet tool run` means stopping the app host stops the tool: no wrapper
/// process is left to orphan it.
/// </summary>
internal sealed record LocalDotnetTool(string Command, string[] PrefixArgs)
{
    public static LocalDotnetTool Find(string repositoryRoot, string packageId)
    {
        var manifest = Path.Combine(repositoryRoot, ".config", "dotnet-tools.json");
        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        var version = json.RootElement.GetProperty("tools").GetProperty(packageId).GetProperty("version").GetString()!;

        return TryLocate(packageId, version)
            ?? RestoreThenLocate(repositoryRoot, packageId, version);
    }

    private static LocalDotnetTool RestoreThenLocate(string repositoryRoot, string packageId, string version)
    {
        using var restore = Process.Start(new ProcessStartInfo("dotnet", "tool restore") { WorkingDirectory = repositoryRoot })!;
        restore.WaitForExit();
        return TryLocate(packageId, version)
            ?? throw new StartRefusedException(
                $"The local tool '{packageId}' {version} could not be restored. Run `dotnet tool restore` in {repositoryRoot} and read its error.");
    }

    private static LocalDotnetTool? TryLocate(string packageId, string version)
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var packageRoot = Path.Combine(packages, packageId.ToLowerInvariant(), version, "tools");
        if (!Directory.Exists(packageRoot))
        {
            return null;
        }

        foreach (var settings in Directory.EnumerateFiles(packageRoot, "DotnetToolSettings.xml", SearchOption.AllDirectories))
        {
            var document = XDocument.Load(settings);
            var command = document.Descendants("Command").First();
            var entryPoint = command.Attribute("EntryPoint")?.Value;
            if (entryPoint is null)
            {
                // A tool packaged per runtime: its real payload is in a RID-specific package.
                var rid = RuntimeInformation.RuntimeIdentifier;
                var ridPackage = document.Descendants("RuntimeIdentifierPackage")
                    .FirstOrDefault(p => p.Attribute("RuntimeIdentifier")?.Value == rid)?.Attribute("Id")?.Value;
                return ridPackage is null ? null : TryLocate(ridPackage, version);
            }

            var path = Path.Combine(Path.GetDirectoryName(settings)!, entryPoint);
            return command.Attribute("Runner")?.Value == "dotnet"
                ? new LocalDotnetTool("dotnet", ["exec", path])
                : new LocalDotnetTool(path, []);
        }

        return null;
    }
}
