using System.Net;

namespace Api.Sso.Oidc;

/// <summary>
/// Delivers the queued logout tokens: POSTed form-encoded (<c>logout_token=…</c>) to the product's
/// back-channel URI, 5 s per attempt, 3 attempts with growing pauses; a product still unreachable
/// after that is logged and given up on (its own session then ends when it expires). A few
/// deliveries run at once, so one slow product does not hold up the others.
/// </summary>
public sealed class BackChannelLogoutSender(
    BackChannelLogout logout, BackChannelLogoutTokens tokens, TimeProvider clock, ILogger<BackChannelLogoutSender> logger) : BackgroundService
{
    public const int Attempts = 3;
    public const int ParallelDeliveries = 4;
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);

    // Own client, not the factory's defaults: those retry on their own (with other timeouts), and
    // a logout token must not follow redirects to wherever a product points.
    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    })
    {
        Timeout = AttemptTimeout,
    };

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, ParallelDeliveries).Select(_ => DeliverAllAsync(stoppingToken)));

    public override void Dispose()
    {
        http.Dispose();
        base.Dispose();
    }

    private async Task DeliverAllAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var delivery in logout.Pending.ReadAllAsync(stoppingToken))
            {
                await DeliverAsync(delivery, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued is lost with the process, like any in-memory work.
        }
    }

    private async Task DeliverAsync(BackChannelLogoutDelivery delivery, CancellationToken stoppingToken)
    {
        var token = tokens.Create(delivery.Product.ClientId, delivery.Sid, delivery.Subject);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var failure = await PostAsync(delivery.Product.BackChannelLogoutUri!, token, stoppingToken);
            if (failure is null)
            {
                logger.LogInformation("Back-channel logout of session {Sid} delivered to {ClientId}", delivery.Sid, delivery.Product.ClientId);
                return;
            }

            if (attempt == Attempts)
            {
                logger.LogWarning("Back-channel logout of session {Sid} to {ClientId} failed after {Attempts} attempts: {Failure}",
                    delivery.Sid, delivery.Product.ClientId, Attempts, failure);
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(attempt * attempt), clock, stoppingToken);
        }
    }

    /// <summary>Null when the product accepted the token, else why not.</summary>
    private async Task<string?> PostAsync(Uri uri, string token, CancellationToken stoppingToken)
    {
        try
        {
            using var content = new FormUrlEncodedContent([new("logout_token", token)]);
            using var response = await http.PostAsync(uri, content, stoppingToken);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
        {
            return exception.Message;
        }
    }
}
