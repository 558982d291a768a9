namespace Benchmarks.Orchestration;

public static class RepoRoot
{
    /// <summary>The repository root: the first folder above the bench's binaries that holds FullStack.sln.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FullStack.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No FullStack.sln above {AppContext.BaseDirectory}: run the bench from the repository (dotnet run -c Release --project tests/Benchmarks).");
    }

    /// <summary>Release or Debug: the configuration the bench itself was built in, so the Api's binaries are the matching ones.</summary>
    public static string Configuration =>
        AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar).Contains("Release") ? "Release" : "Debug";

    /// <summary>Api/bin/{configuration}/net10.0, built by the bench's ProjectReference.</summary>
    public static string ApiBinaries(string root) => Path.Combine(root, "Api", "bin", Configuration, "net10.0");
}
