using Aspire.Hosting.ApplicationModel;

namespace AppHost;

/// <summary>
/// The development stack serves plain http on this machine (launch profile, every endpoint), so no
/// resource terminates TLS. Aspire gives project (and Redis) resources an HTTPS certificate callback
/// by default, and the dashboard then shows a red "No trusted development certificate" notice on any
/// machine without a trusted one: a false alarm here. Saying so per resource removes it (README).
/// </summary>
internal static class DevelopmentCertificate
{
    public static IResourceBuilder<TResource> WithoutDevelopmentCertificate<TResource>(this IResourceBuilder<TResource> builder)
        where TResource : IResourceWithEnvironment, IResourceWithArgs
    {
        // Experimental in Aspire 13: if it changes, this is the one call site to revisit.
#pragma warning disable ASPIRECERTIFICATES001
        return builder.WithoutHttpsCertificate();
#pragma warning restore ASPIRECERTIFICATES001
    }
}
