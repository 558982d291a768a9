using Api.Admin;
using Api.Infrastructure;
using Api.Portal;
using Api.Sso;
using Api.Status;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseForwardedHeaders();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseNoStore();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCrossSiteRequestGuard();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();

if (app.Environment.IsDevelopment())
{
    app.MapOpenApi();
    app.MapScalarApiReference();
}

app.MapDefaultEndpoints();
app.MapStatusApi();
app.MapSso();
app.MapPortal();
app.MapAdminApi();
app.MapSpa();

await app.PrepareAsync();
app.Run();

// Lets WebApplicationFactory<Program> find the entry point in tests.
public partial class Program;
