#pragma warning disable ASPIRECERTIFICATES001 // the certificate annotations are experimental in Aspire 13
using Aspire.Hosting.ApplicationModel;

namespace EndToEnd.Tests.Stack;

/// <summary>
/// The development stack is plain http, so the dashboard must not greet a machine without a trusted
/// development certificate with a red "No trusted development certificate" notice. Aspire raises it
/// when any resource serves https or keeps its default HTTPS certificate configuration.
/// </summary>
public sealed class DevelopmentCertificateTests
{
    [Fact]
    public async Task No_resource_of_the_stack_asks_for_a_development_certificate()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>();

        var asking = builder.Resources
            .Where(r => r.Annotations.OfType<EndpointAnnotation>().Any(e => e.UriScheme == "https")
                || (r.Annotations.OfType<HttpsCertificateConfigurationCallbackAnnotation>().Any()
                    && !(r.TryGetLastAnnotation<HttpsCertificateAnnotation>(out var certificate)
                        && certificate.UseDeveloperCertificate == false && certificate.Certificate is null)))
            .Select(r => r.Name)
            .ToList();

        Assert.True(asking.Count == 0, $"These resources would bring back the dashboard's certificate notice: {string.Join(", ", asking)}. Call WithoutDevelopmentCertificate() on them (AppHost/DevelopmentCertificate.cs).");
    }
}
