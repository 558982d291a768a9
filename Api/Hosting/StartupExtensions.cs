using Api.Data;
using Api.Shared;
using Api.Development;
using Api.Sso.Keys;
using Api.Sso.Oidc;

namespace Api.Hosting;

public static class StartupExtensions
{
    /// <summary>
    /// Work that must finish before the first request: schema migration (in development, or when
    /// Database:ApplySchemaOnStart is set), token keys, and development seed data.
    /// </summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        // The build writes the OpenAPI document by starting this program without a database.
        if (OpenApiGeneration.IsRunning)
        {
            return;
        }

        if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("Database:ApplySchemaOnStart"))
        {
            await app.Services.ApplySchemaAsync();
        }

        await app.Services.GetRequiredService<SigningKeyRing>().InitializeAsync();
        await app.Services.RegisterProductsAsync();

        if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Seed:DevelopmentData", true))
        {
            await app.Services.SeedDevelopmentDataAsync();
        }
    }
}
