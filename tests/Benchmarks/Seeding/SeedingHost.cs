using Api.Admin;
using Api.Audit;
using Api.Development;
using Api.Hosting;
using Api.Mail;
using Api.Portal;
using Api.Sso;
using Api.SsoMigration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmarks.Seeding;

/// <summary>
/// The Api's own services, built in the orchestrator's process (never started: no Kestrel, no
/// background work) with the configuration the Api process gets, to migrate and seed its database
/// before it starts: the same EF model, Identity normalisation, password hasher and data-protection
/// key ring (kept in the database, so the Api reads the TOTP secrets protected here).
/// </summary>
public static class SeedingHost
{
    public static WebApplication Build(string apiBinaries, IReadOnlyDictionary<string, string> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ApplicationName = typeof(Program).Assembly.GetName().Name,
            ContentRootPath = apiBinaries,
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        // The seeding's own log (not the Api's): warnings only, so the run's output stays readable.
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        // The Api's host and modules, as Api/Program.cs registers them.
        builder.AddApiHosting();
        builder.AddMail();
        builder.AddAudit();
        builder.AddSso();
        builder.AddPortal();
        builder.AddAdmin();
        builder.AddSsoMigration();
        builder.AddDevelopmentAgents();
        return builder.Build();
    }
}
