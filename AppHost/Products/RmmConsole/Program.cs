using RmmConsole;

// The RMM Console: a second product on the platform's single sign-on (README, "Other products on
// the same sign-in"). Pages for people (cookie + OpenID Connect), one API for tokens (JWT bearer).
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddProblemDetails();
builder.Services.AddAuthorization();
builder.AddConsoleSignIn();
builder.AddWhoAmIApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapBackChannelLogout();
app.MapPages();
app.MapWhoAmIApi();

app.Run();
