namespace Api.Shared;

public static class OpenApiGeneration
{
    /// <summary>
    /// True while the build runs this program to write the OpenAPI document. Then no database or
    /// cache exists, so start-up work that would touch them is skipped.
    /// </summary>
    public static bool IsRunning { get; } =
        System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";
}
