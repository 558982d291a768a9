using Api.Admin;
using Api.Audit;
using Api.Development;
using Api.Hosting;
using Api.Mail;
using Api.Portal;
using Api.Scim;
using Api.Sso;
using Api.SsoMigration;
using Api.Status;
using Api.Webhooks;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApiHosting();
// Each module registers itself (README, module boundaries).
builder.AddMail();
builder.AddAudit();
builder.AddWebhooks();
builder.AddSso();
builder.AddPortal();
builder.AddAdmin();
builder.AddSsoMigration();
builder.AddScim();
builder.AddDevelopmentAgents();

var app = builder.Build();
app.UseApiPipeline();
app.MapStatusApi();
app.MapSso();
app.MapPortal();
app.MapAdminApi();
app.MapScimApi();
app.MapSpa();

await app.PrepareAsync();
app.Run();

// Lets WebApplicationFactory<Program> find the entry point in tests.
public partial class Program;
