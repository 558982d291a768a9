namespace Api.Scim;

public static class ScimServiceExtensions
{
    public static IHostApplicationBuilder AddScim(this IHostApplicationBuilder builder)
    {
        // The problem details service asks its writers in the order they were registered, and the
        // host's default writer answers every request: SCIM's goes first, for /scim/v2 alone.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, ScimProblemWriter>());
        return builder;
    }
}
