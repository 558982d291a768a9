using WebhookReceiver;

// A partner's webhook receiver, for development: POST /hooks/{name} takes a delivery, verifies its
// Standard Webhooks signature with the secret set for that address, and the home page shows what
// arrived (README, "Webhooks").
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddProblemDetails();
builder.Services.AddAntiforgery();
builder.Services.AddSingleton<SigningSecrets>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<Arrivals>();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapHooks();
app.MapReceiverPages();

app.Run();
