namespace Api.Shared;

public static class NoStoreExtensions
{
    /// <summary>
    /// Personal data and sign-in answers must not be kept by the browser's cache (or a proxy's),
    /// so that after logout the back button cannot show them again. Marks the endpoints;
    /// <see cref="UseNoStore"/> writes the header.
    /// </summary>
    public static TBuilder NoStore<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(NoStoreMetadata.Instance);

    /// <summary>
    /// Sends <c>Cache-Control: no-store</c> on every answer of a marked endpoint, whatever made it:
    /// the handler, a refused body (400, 413), or an outage (503). An endpoint filter would miss
    /// the answers made before or instead of the handler, and the exception handler clears the
    /// headers it finds; a callback at the start of the response sees the final answer.
    /// </summary>
    public static IApplicationBuilder UseNoStore(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // Read now: the exception handler clears the endpoint before it writes its answer.
            if (context.GetEndpoint()?.Metadata.GetMetadata<NoStoreMetadata>() is not null)
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.CacheControl = "no-store";
                    return Task.CompletedTask;
                });
            }

            await next();
        });

    private sealed class NoStoreMetadata
    {
        public static NoStoreMetadata Instance { get; } = new();
    }
}
