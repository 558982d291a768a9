using Api.Shared;
using Api.SsoMigration.Reminders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Api.Admin.Reminders;

/// <summary>
/// Run reminders now, in Development: one pass as if the reminders' days had passed since every
/// batch completed (the last reminder's day for reminders, the digest's day for digests), so a
/// developer or a browser test sees the users still stuck mailed at once. Exactly once holds as in
/// production: a second run sends nothing. Elsewhere reminders go by themselves, and this answers 404.
/// </summary>
public static class RunRemindersNow
{
    public static bool IsAvailable(IHostEnvironment environment) => environment.IsDevelopment();

    public static async Task<Results<Ok<RemindersRun>, ProblemHttpResult>> HandleAsync(
        MigrationReminders reminders, ActivationDigests digests, IOptions<ReminderOptions> options, IHostEnvironment environment, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!IsAvailable(environment))
        {
            return Problems.Status(StatusCodes.Status404NotFound, "Not available",
                "Run reminders now exists in Development only; elsewhere reminders and digests go out by themselves when their day comes.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var settings = options.Value;
        var sent = await reminders.RemindAsync(now.AddDays(settings.SecondAfterDays), cancellationToken);
        var digested = await digests.SendDueAsync(now.AddDays(settings.DigestAfterDays), cancellationToken);
        return TypedResults.Ok(new RemindersRun(sent, digested, settings.SecondAfterDays));
    }
}

/// <param name="Reminders">Reminders e-mailed to end users by this run.</param>
/// <param name="Digests">Digests e-mailed to partners by this run (one per partner and batch).</param>
/// <param name="AsIfDaysLater">How many days after each batch the run acted as if it were.</param>
public sealed record RemindersRun(int Reminders, int Digests, int AsIfDaysLater);
