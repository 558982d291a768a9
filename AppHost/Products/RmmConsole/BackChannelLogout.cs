using System.Text.Json;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace RmmConsole;

/// <summary>
/// OpenID Connect Back-Channel Logout 1.0, the receiving side: when a user's SSO session ends
/// anywhere (logout in the portal, password reset, an administrator...), the SSO posts a signed
/// <c>logout_token</c> here. A valid one marks the session ended, and the console's cookie for it is
/// dropped at its next request (<see cref="ConsoleSignIn"/>). Keys and issuer come from the same
/// discovery document the sign-in uses. Receiving the same token twice is harmless, so replays
/// are not tracked.
/// </summary>
public static class BackChannelLogout
{
    public const string Path = "/signout-oidc-backchannel";
    private const string LogoutEvent = "http://schemas.openid.net/event/backchannel-logout";
    private const string LogoutTokenType = "logout+jwt";

    private static readonly JsonWebTokenHandler Tokens = new();

    public static IEndpointRouteBuilder MapBackChannelLogout(this IEndpointRouteBuilder app)
    {
        // Server to server: no cookie, so no antiforgery token either; the signature is the proof.
        app.MapPost(Path, ReceiveAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext http, IOptionsMonitor<OpenIdConnectOptions> oidc, EndedSessions ended, ILoggerFactory loggers)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (!http.Request.HasFormContentType)
        {
            return Refuse("Send the logout_token form-encoded (application/x-www-form-urlencoded).");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var logoutToken = form["logout_token"].ToString();
        if (string.IsNullOrEmpty(logoutToken))
        {
            return Refuse("The request has no logout_token.");
        }

        var options = oidc.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var (token, refusal) = await ValidateAsync(logoutToken, options, http.RequestAborted);
        if (token is null)
        {
            loggers.CreateLogger(typeof(BackChannelLogout)).LogWarning("A back-channel logout was refused: {Refusal}", refusal);
            return Refuse(refusal!);
        }

        token.TryGetPayloadValue<string>("sid", out var sessionId);
        token.TryGetPayloadValue<string>("sub", out var subject);
        await ended.EndAsync(sessionId, subject, http.RequestAborted);
        return Results.Ok();
    }

    private static async Task<(JsonWebToken? Token, string? Refusal)> ValidateAsync(
        string logoutToken, OpenIdConnectOptions options, CancellationToken cancellationToken)
    {
        var configurations = options.ConfigurationManager
            ?? throw new InvalidOperationException("The OpenID Connect handler has no configuration manager (is Oidc:Authority set?).");
        var configuration = await configurations.GetConfigurationAsync(cancellationToken);
        var result = await Tokens.ValidateTokenAsync(logoutToken, ParametersFor(configuration, options.ClientId!));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Signed with a key published after our copy of the JWKS: fetch it once more.
            configurations.RequestRefresh();
            configuration = await configurations.GetConfigurationAsync(cancellationToken);
            result = await Tokens.ValidateTokenAsync(logoutToken, ParametersFor(configuration, options.ClientId!));
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            return (null, "The logout token is not a logout+jwt signed by the issuer for this client, or it has expired.");
        }

        var refusal = RefusalOf(token);
        return refusal is null ? (token, null) : (null, refusal);
    }

    private static TokenValidationParameters ParametersFor(OpenIdConnectConfiguration configuration, string clientId) => new()
    {
        ValidIssuer = configuration.Issuer,
        ValidAudience = clientId,
        IssuerSigningKeys = configuration.SigningKeys,
        ValidTypes = [LogoutTokenType],
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
    };

    /// <summary>What Back-Channel Logout 1.0 (section 2.6) asks beyond signature, issuer, audience and lifetime.</summary>
    private static string? RefusalOf(JsonWebToken token)
    {
        if (!token.TryGetPayloadValue<long>("iat", out _))
        {
            return "The logout token has no issue time (iat).";
        }

        if (!token.TryGetClaim("events", out var events) || !NamesLogoutEvent(events.Value))
        {
            return "The logout token has no back-channel logout event.";
        }

        if (token.TryGetClaim("nonce", out _))
        {
            return "A logout token must not carry a nonce.";
        }

        return token.TryGetClaim("sid", out _) || token.TryGetClaim("sub", out _)
            ? null
            : "The logout token names neither a session (sid) nor a user (sub).";
    }

    private static bool NamesLogoutEvent(string eventsJson)
    {
        try
        {
            using var events = JsonDocument.Parse(eventsJson);
            return events.RootElement.ValueKind == JsonValueKind.Object
                && events.RootElement.TryGetProperty(LogoutEvent, out var logout)
                && logout.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static IResult Refuse(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The back-channel logout was refused.", detail: detail);
}
