namespace Api.Infrastructure;

public static class NoStoreExtensions
{
    /// <summary>
    /// Personal data and sign-in answers must not be kept by the browser's cache, so that after
    /// logout the back button cannot show them again.
    /// </summary>
    public static TBuilder NoStore<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return await next(context);
        });
}
