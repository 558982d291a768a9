using Api.SsoMigration;
using Api.Sso;
using Api.Sso.Keys;
using Microsoft.AspNetCore.DataProtection;

namespace Api.Infrastructure;

public static class ApplicationServiceExtensions
{
    public const string CacheConnectionName = "cache";

    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddAppDatabase();
        builder.AddRedisClient(CacheConnectionName);

        builder.Services.AddApiProblemDetails();
        builder.Services.AddOpenApi();
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("end-user-portal");
        if (!OpenApiGeneration.IsRunning)
        {
            dataProtection.PersistKeysToDbContext<AppDbContext>();
        }

        builder.AddSsoTokenValidation();
        builder.AddSso();
        builder.Services.AddAuthorization();
        builder.Services.AddScoped<EndUserMigrator>();
        return builder;
    }
}
