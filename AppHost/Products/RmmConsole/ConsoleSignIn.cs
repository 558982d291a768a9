using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace RmmConsole;

/// <summary>
/// Sign-in as any product of the platform does it: a cookie for the console's own session, and the
/// standard OpenID Connect handler as a confidential client of the platform's SSO (code + PKCE,
/// client secret at the token endpoint). The issuer's discovery document is fetched at the first
/// sign-in, not at start, so the console starts (and answers /health) before the portal is up.
/// </summary>
public static class ConsoleSignIn
{
    // The portal and the console share the host name in Development (localhost, other ports), and
    // browsers do not separate cookies by port: every cookie of the console gets its own name.
    public const string CookieName = "rmm-console";
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    public static IHostApplicationBuilder AddConsoleSignIn(this IHostApplicationBuilder builder)
    {
        var settings = OidcSettings.From(builder.Configuration.GetSection("Oidc"));
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSingleton(settings);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddDistributedMemoryCache();
        builder.Services.AddSingleton<EndedSessions>();
        builder.Services.AddAntiforgery(options => options.Cookie.Name = CookieName + ".antiforgery");

        builder.Services.AddAuthentication()
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = SessionLifetime;
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = RejectEndedSessionAsync;
            })
            .AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, options =>
            {
                options.Authority = settings.Authority.ToString();
                options.ClientId = settings.ClientId;
                options.ClientSecret = settings.ClientSecret;
                options.ResponseType = OpenIdConnectResponseType.Code;
                // The code comes back in the query of a top-level GET: no auto-posting page at
                // the SSO, and the Lax correlation cookies below travel with it.
                options.ResponseMode = OpenIdConnectResponseMode.Query;
                options.UsePkce = true;
                // Keeps the ID token for id_token_hint at logout (and the access token for the RMM API).
                options.SaveTokens = true;
                options.MapInboundClaims = false;
                // Name, e-mail, sid and this product's roles are all in the ID token.
                options.GetClaimsFromUserInfoEndpoint = false;
                options.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "email", "rmm-api" })
                {
                    options.Scope.Add(scope);
                }

                options.RequireHttpsMetadata = !development;
                options.TokenValidationParameters.NameClaimType = "name";
                options.TokenValidationParameters.RoleClaimType = ConsoleRoles.ClaimType;
                options.SignedOutRedirectUri = Pages.SignedOutPath;
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });

        // Post-configured, so the bearer scheme registered for the API does not become the default:
        // pages sign in with the cookie and challenge through the SSO.
        builder.Services.PostConfigure<AuthenticationOptions>(options =>
        {
            options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
        });
        return builder;
    }

    /// <summary>
    /// A cookie whose SSO session ended elsewhere (back-channel logout) is dropped: the request goes on
    /// signed out, so the next page challenges and the SSO asks for sign-in again.
    /// </summary>
    private static async Task RejectEndedSessionAsync(CookieValidatePrincipalContext context)
    {
        var ended = context.HttpContext.RequestServices.GetRequiredService<EndedSessions>();
        if (context.Principal is { } principal
            && await ended.HasEndedAsync(principal, context.Properties.IssuedUtc, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
