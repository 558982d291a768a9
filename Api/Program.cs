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
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi();
app.MapScalarApiReference();
app.MapDefaultEndpoints();
app.MapStatusApi();
app.MapSso();
app.MapPortalApi();

await app.PrepareAsync();
app.Run();

// Lets WebApplicationFactory<Program> find the entry point in tests.
public partial class Program;
