using Api.Shared;
using Api.Tests.Sso;
using Microsoft.AspNetCore.Hosting;

namespace Api.Tests.Foundation;

/// <summary>Outside Development, answers over https pin the browser to https (HSTS); Development never does.</summary>
[Collection(SsoCollection.Name)]
public sealed class HstsTests(HstsTests.ProductionApiFactory production, SsoApiFactory development) : IClassFixture<HstsTests.ProductionApiFactory>
{
    private static readonly Uri PublicOrigin = new("https://portal.example/");

    [Fact]
    [Trait("ASVS", "14.4.5")]
    public async Task Production_sends_strict_transport_security_for_a_year_with_subdomains()
    {
        using var client = production.CreateDefaultClient(PublicOrigin);

        var response = await client.GetAsync("/api/status");

        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.Equal("max-age=31536000; includeSubDomains", hsts);
    }

    [Fact]
    [Trait("ASVS", "14.4.5")]
    public async Task Development_does_not_pin_the_browser_to_https()
    {
        using var client = development.CreateDefaultClient(PublicOrigin);

        var response = await client.GetAsync("/api/status");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    /// <summary>The Api as a published deployment runs it: Production, migrations applied at start, no seed data.</summary>
    public sealed class ProductionApiFactory : SsoApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:ApplySchemaOnStart", "true");
            builder.UseSetting("Identity:RecoveryCodeKey", "test-only-recovery-code-key-0123456789abcdef");
        }
    }
}
