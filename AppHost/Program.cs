using AppHost;
using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);
var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));

// Infrastructure: embedded engines by default, real Redis / SQL Server by configuration (README).
// A setting this machine cannot honour is refused here, before anything starts.
IResourceBuilder<IResourceWithConnectionString> cache, mail;
PortalDatabase database;
try
{
    cache = builder.AddPortalCache(repositoryRoot);
    database = builder.AddPortalDatabase(repositoryRoot);
    mail = builder.AddPortalMail(repositoryRoot);
}
catch (StartRefusedException refused)
{
    Console.Error.WriteLine(refused.Message);
    return 1;
}

// Services. Everything starts at once: the Api needs neither Garnet nor smtp4dev to start (its
// Redis connection retries, and its /health answers 200 only once Redis answers; mail waits in
// the outbox), and the apps below need only the Api's address, not its health (the Vite proxy
// and the console reach it per request). A cold start is the Api's own start, not a chain.
var api = builder.AddProject<Projects.Api>(ResourceNames.Api)
    .WithReference(cache)
    .WithReference(database.Connection)
    .WithEnvironment("Database__Provider", database.Provider)
    .WithReference(mail)
    .WithHttpHealthCheck("/health")
    .WithoutDevelopmentCertificate()
    .WithReplicas(builder.Configuration.GetValue("Api:Replicas", 1));
if (database.Server is not null)
{
    api.WaitFor(database.Server);
}

// Apps: the SPA is the one origin the browser sees; Vite proxies /api, /connect, /.well-known, /scim.
var webclient = builder.AddPortalWebClient(repositoryRoot)
    .WithReference(api);

// Tokens name the portal's public origin as their issuer.
api.WithEnvironment("Identity__Issuer", webclient.GetEndpoint("http"));

// Another product on the same sign-in (README, "Other products on the same sign-in").
builder.AddRmmConsole(api, webclient);

// A partner's webhook receiver, to watch signed deliveries arrive (README, "Webhooks").
builder.AddWebhookReceiver();

builder.Build().Run();
return 0;
