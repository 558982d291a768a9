using System.Text.Json.Nodes;

namespace Api.Tests.Support;

/// <summary>
/// The Api's operations as its OpenAPI document describes them: Api/openapi/Api.json, which the
/// Api's build writes (and the test project's build runs first). Test data read from it covers an
/// endpoint added later without anyone adding it to a list; <c>ApiCoverageTests</c> checks the
/// file matches what the running Api serves.
/// </summary>
public static class ApiDescription
{
    private static readonly Lazy<JsonObject> Document = new(Load);

    public static IReadOnlyList<ApiOperation> Operations { get; } = Read(Document.Value);

    public static string DocumentPath => Path.Combine(RepositoryRoot(), "Api", "openapi", "Api.json");

    public static ApiOperation Find(string key) => Operations.Single(operation => operation.Key == key);

    /// <summary>The operations of a document (the build's file, or the one the Api serves).</summary>
    public static IReadOnlyList<ApiOperation> Read(JsonObject document)
    {
        var schemas = document["components"]?["schemas"] as JsonObject;
        return
        [
            .. from path in (document["paths"] as JsonObject ?? [])
               from operation in (path.Value as JsonObject ?? [])
               where operation.Value is JsonObject
               select ApiOperation.From(operation.Key.ToUpperInvariant(), path.Key, (JsonObject)operation.Value!, schemas),
        ];
    }

    private static JsonObject Load()
    {
        var path = DocumentPath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} is missing: it is written by the Api's build (dotnet build FullStack.sln).", path);
        }

        return JsonNode.Parse(File.ReadAllText(path))!.AsObject();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FullStack.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No FullStack.sln above {AppContext.BaseDirectory}.");
    }
}
