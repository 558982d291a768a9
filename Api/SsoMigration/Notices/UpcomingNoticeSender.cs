using Microsoft.Extensions.Options;

namespace Api.SsoMigration.Notices;

/// <summary>
/// Sends the Upcoming notices ("two weeks before", <see cref="MigrationOptions.NoticeLead"/>) as
/// their time comes. Every replica runs one, without a lease: each notice is written once
/// whoever gets there first (see <see cref="MigrationNotices"/>), and a pass that finds nothing
/// costs one query.
/// </summary>
public sealed class UpcomingNoticeSender(
    IServiceScopeFactory scopes, IOptions<MigrationOptions> options, TimeProvider clock, ILogger<UpcomingNoticeSender> logger) : PeriodicPass(clock, logger)
{
    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override Task PassAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    /// <summary>One pass: every Upcoming notice due now. Returns how many this pass sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MigrationNotices>().SendDueUpcomingAsync(cancellationToken);
    }
}
