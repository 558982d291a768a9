using Api.Shared.Limits;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Api.Sso.MachineClients;

/// <summary>
/// Guessing a machine client's secret is bounded per client id, across replicas (a Redis budget):
/// each authentication takes a unit before the hash is checked, a right secret gives it back, so
/// only failures count. Once they reach the limit the token endpoint answers 429 with Retry-After
/// until the window ends, even to the right secret (that is what stops the guessing).
/// </summary>
public sealed class ClientAuthenticationThrottle(RedisBudget budget, IOptions<MachineClientOptions> options, IHttpContextAccessor http) :
    IOpenIddictServerHandler<OpenIddictServerEvents.ApplyTokenResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ApplyTokenResponseContext>()
            .UseScopedHandler<ClientAuthenticationThrottle>()
            // After OpenIddict chose the status code of the error, before the answer is written.
            .SetOrder(OpenIddictServerAspNetCoreHandlers.AttachHttpResponseCode<OpenIddictServerEvents.ApplyTokenResponseContext>.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    private static readonly object RefusedKey = new();

    private MachineClientOptions Limits => options.Value;

    private static string KeyOf(string clientId) => $"sso:client-auth-failures:{{{clientId}}}";

    /// <summary>False when the client id has failed too often: no secret is checked.</summary>
    public async Task<bool> TryTakeAsync(string clientId)
    {
        var key = KeyOf(clientId);
        if ((await budget.TryTakeAsync(key, Limits.FailedAuthenticationsPerClient, Limits.FailedAuthenticationWindow)).Taken)
        {
            return true;
        }

        if (http.HttpContext is { } context)
        {
            var refusal = await budget.TryTakeAllAsync([new BudgetLimit(key, Limits.FailedAuthenticationsPerClient, Limits.FailedAuthenticationWindow)]);
            context.Items[RefusedKey] = refusal?.RetryAfter ?? Limits.FailedAuthenticationWindow;
        }

        return false;
    }

    public Task GiveBackAsync(string clientId) => budget.GiveBackAsync(KeyOf(clientId));

    public ValueTask HandleAsync(OpenIddictServerEvents.ApplyTokenResponseContext context)
    {
        var response = http.HttpContext?.Response;
        if (response?.HttpContext.Items[RefusedKey] is TimeSpan retryAfter && context.Response.Error is Errors.InvalidClient)
        {
            var seconds = Api.Shared.Problems.RetryAfterSeconds(retryAfter);
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.ErrorDescription = $"Too many failed attempts for this client id. Try again in {seconds} seconds.";
        }

        return ValueTask.CompletedTask;
    }
}
