using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Api.Sso.Keys;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Api.Sso.MachineClients;

/// <summary>
/// The authentication scheme of machine clients' tokens, apart from the people's: only policies
/// that name it (the admin area's, SCIM's) see a machine client at all; everywhere else its token
/// authenticates nobody. Validation is the people's (signature from the ring, issuer, audience,
/// lifetime, at+jwt), then: subject and client id are the same machine client, no session, and the
/// client still exists, read on every request, so a revoked client's tokens answer 401 at once on every replica.
/// </summary>
public static class MachineClientTokens
{
    public const string Scheme = "MachineClient";

    /// <summary>The identity's authentication type, by which a principal is known to be a machine client.</summary>
    public const string AuthenticationType = "machine-client";

    public static bool IsMachineClient(this ClaimsPrincipal principal) =>
        principal.Identities.Any(identity => identity is { IsAuthenticated: true, AuthenticationType: AuthenticationType });

    public static IServiceCollection AddMachineClientTokens(this IServiceCollection services)
    {
        services.AddAuthentication().AddJwtBearer(Scheme);
        // Configured as the people's scheme is (not copied from it: an options configuration may not
        // ask for the options monitor it is part of).
        services.AddOptions<JwtBearerOptions>(Scheme).Configure<SigningKeyRing, IConfiguration>((options, ring, configuration) =>
        {
            AuthenticationExtensions.ConfigureValidation(options, configuration.GetSection("Identity"));
            TokenValidationExtensions.UseRing(options, ring, configuration);
            options.TokenValidationParameters.AuthenticationType = AuthenticationType;
            options.Events = new JwtBearerEvents
            {
                OnMessageReceived = SkipPeoplesTokens,
                OnTokenValidated = CheckClientAsync,
            };
        });
        return services;
    }

    /// <summary>A person's token (it has a session) is not validated a second time here: cheap, unverified read of the payload.</summary>
    private static Task SkipPeoplesTokens(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        try
        {
            if (token is null || new JsonWebToken(token).TryGetPayloadValue<string>("sid", out _))
            {
                context.NoResult();
            }
        }
        catch (ArgumentException)
        {
            context.NoResult();
        }

        return Task.CompletedTask;
    }

    private static async Task CheckClientAsync(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var subject = principal.FindFirst("sub")?.Value;
        var clientId = principal.FindFirst("client_id")?.Value;
        if (subject is null || subject != clientId || principal.HasClaim(claim => claim.Type is "sid" or "amr" or "role"))
        {
            context.Fail("The token is not a machine client's.");
            return;
        }

        var clients = context.HttpContext.RequestServices.GetRequiredService<MachineClientRegistry>();
        if (!await clients.IsActiveAsync(clientId, context.HttpContext.RequestAborted))
        {
            context.Fail("This API client has been revoked.");
        }
    }
}
