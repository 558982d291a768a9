using Microsoft.Extensions.Options;

namespace Api.SsoMigration.Reminders;

/// <summary>
/// Sends the reminders and digests as their day comes (<see cref="ReminderOptions.PollInterval"/>).
/// Every replica runs one, without a lease: each reminder and digest is written once whoever gets
/// there first (<see cref="MigrationReminder"/>). Its clock decides what is due, so a test gives
/// one a moved clock.
/// </summary>
public sealed class ReminderSender(
    IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ReminderSender> logger) : PeriodicPass(clock, logger)
{
    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override Task PassAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    /// <summary>One pass: every reminder and digest due at this sender's now.</summary>
    public async Task<ReminderPass> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MigrationReminders>().RunAsync(Clock.GetUtcNow().UtcDateTime, cancellationToken);
    }
}
