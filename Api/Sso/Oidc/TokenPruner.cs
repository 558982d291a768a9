using OpenIddict.Abstractions;

namespace Api.Sso.Oidc;

/// <summary>
/// Removes expired authorization codes, tokens and authorizations from SQL every hour, so the
/// tables OpenIddict writes at each sign-in do not grow without end. Safe on several replicas:
/// pruning the same rows twice is harmless.
/// </summary>
public sealed class TokenPruner(IServiceScopeFactory scopes, ILogger<TokenPruner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var threshold = DateTimeOffset.UtcNow.AddDays(-1);
                var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, stoppingToken);
                var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, stoppingToken);
                logger.LogInformation("Pruned {Tokens} tokens and {Authorizations} authorizations", tokens, authorizations);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Pruning expired tokens failed; will try again next hour");
            }
        }
    }
}
