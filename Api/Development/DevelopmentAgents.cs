using Api.Data;
using Api.Shared.Transactions;
using Microsoft.EntityFrameworkCore;

namespace Api.Development;

/// <summary>
/// Stands in for the RMM agents of the development devices: every minute the devices that are
/// meant to be online (<see cref="DevelopmentPortalContent.ChecksIn"/>) check in, so they stay
/// online however long the stack runs, and the others stay offline. Development only.
/// </summary>
public sealed class DevelopmentAgents(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DevelopmentAgents> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckInAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A database restart is no reason to stop the simulation: the next minute tries again.
                logger.LogWarning(exception, "The development devices could not check in.");
            }
        }
    }

    private async Task CheckInAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var names = await db.Devices.Select(d => d.Name).Distinct().ToListAsync(cancellationToken);
        var online = names.Where(DevelopmentPortalContent.ChecksIn).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        await db.Devices.Where(d => online.Contains(d.Name)).ExecuteUpdateAsync(set => set.SetProperty(d => d.LastSeenAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
