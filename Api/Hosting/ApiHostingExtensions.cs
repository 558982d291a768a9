using Api.Data;
using Api.Shared;
using System.Text.Json.Serialization;
using Api.Sso.Keys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;

namespace Api.Hosting;

public static class ApiHostingExtensions
{
    public const string CacheConnectionName = "cache";

    /// <summary>
    /// The host every module runs in: database, cache, problem details, forwarded headers, OpenAPI,
    /// HSTS, Data Protection, token validation and authorization policies. The modules register
    /// themselves from Program.cs.
    /// </summary>
    public static WebApplicationBuilder AddApiHosting(this WebApplicationBuilder builder)
    {
        builder.AddAppDatabase();
        builder.AddRedisClient(CacheConnectionName);
        builder.Services.AddSingleton<Shared.Limits.RedisBudget>();

        builder.Services.AddApiProblemDetails();
        // Behind the SPA's dev proxy or a load balancer, the client IP (used by per-IP sign-in
        // throttling) arrives in X-Forwarded-For. Only loopback proxies are trusted by default;
        // add a production balancer's network with ForwardedHeaders:KnownNetworks.
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var network in builder.Configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        // Numbers are JSON numbers both ways. The web default also reads "42" as 42, and the OpenAPI
        // document then types every integer as `integer | string`; strict keeps the document (and the
        // SPA's generated types) saying what the Api writes.
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        builder.Services.AddOpenApi(options => options.AddBearerSecurity());
        builder.Services.AddSpaFileCaching();
        // Outside Development every answer over https tells the browser to use https only, for a
        // year, subdomains included (sign-in cookies must never travel in clear). No preload: that
        // is a decision for the domain's owner, hard to undo. Localhost is never pinned.
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("end-user-portal");
        if (!OpenApiGeneration.IsRunning)
        {
            dataProtection.PersistKeysToDbContext<AppDbContext>();
            // In production the key ring (which protects TOTP secrets and token keys) is itself
            // encrypted at rest with a certificate every replica has.
            var certificate = builder.Configuration["DataProtection:CertificatePath"];
            if (!string.IsNullOrEmpty(certificate))
            {
                dataProtection.ProtectKeysWithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                    certificate, builder.Configuration["DataProtection:CertificatePassword"]));
            }
        }

        // Who may call what: the Api's bearer tokens (issued by its own SSO) and one set of policies.
        builder.AddSsoTokenValidation();
        builder.Services.AddApiAuthorization();
        return builder;
    }
}
