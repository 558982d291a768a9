using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace Api.Tests.Foundation;

/// <summary>A published build: the Api serves the built SPA, with protective headers, and its own paths stay its own.</summary>
public sealed class WebHostingTests(WebHostingTests.PublishedApiFactory api) : IClassFixture<WebHostingTests.PublishedApiFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/portal")]
    [InlineData("/sso/login?returnUrl=%2Fportal")]
    [InlineData("/sso/reset-password?token=abc")]
    public async Task Client_side_routes_get_the_spa_with_a_strict_content_security_policy(string path)
    {
        using var client = api.CreateClient();
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<div id=\"root\">", await response.Content.ReadAsStringAsync());
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task The_spa_assets_are_served_as_files()
    {
        using var client = api.CreateClient();
        var response = await client.GetAsync("/assets/app.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Hashed_assets_are_cached_for_a_year_and_the_page_that_names_them_is_revalidated()
    {
        using var client = api.CreateClient();

        var asset = await client.GetAsync("/assets/app.js");
        var page = await client.GetAsync("/portal");
        var index = await client.GetAsync("/index.html");

        Assert.Equal("public, max-age=31536000, immutable", asset.Headers.CacheControl?.ToString());
        Assert.Equal("no-cache", page.Headers.CacheControl?.ToString());
        Assert.Equal("no-cache", index.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/api/not-a-route")]
    [InlineData("/connect/not-an-endpoint")]
    public async Task Unknown_api_paths_stay_problem_details_instead_of_the_spa(string path)
    {
        using var client = api.CreateClient();
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());
    }

    public sealed class PublishedApiFactory : ApiFactory
    {
        private readonly string webRoot = Directory.CreateTempSubdirectory("eup-wwwroot-").FullName;

        public PublishedApiFactory()
        {
            Directory.CreateDirectory(Path.Combine(webRoot, "assets"));
            File.WriteAllText(Path.Combine(webRoot, "index.html"), "<!doctype html><html><body><div id=\"root\"></div><script src=\"/assets/app.js\"></script></body></html>");
            File.WriteAllText(Path.Combine(webRoot, "assets", "app.js"), "console.log('portal');");
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseWebRoot(webRoot);
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Directory.Delete(webRoot, recursive: true);
        }
    }
}
