using Api.SsoMigration.Reminders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Api.Admin.Reminders;

/// <summary>The reminder settings as the operators' migration page shows them.</summary>
public static class GetReminderSettings
{
    public static Ok<ReminderSettings> Handle(IOptions<ReminderOptions> options, IHostEnvironment environment)
    {
        var settings = options.Value;
        return TypedResults.Ok(new ReminderSettings(
            settings.FirstAfterDays, settings.SecondAfterDays, settings.DigestAfterDays, settings.DigestThresholdPercent, RunRemindersNow.IsAvailable(environment)));
    }
}

/// <param name="FirstAfterDays">Days after a batch completed when its users not activated, or without an authenticator, are reminded.</param>
/// <param name="SecondAfterDays">Days after when users still not activated get the last reminder.</param>
/// <param name="DigestAfterDays">Days after when a partner whose users activated too little gets the digest.</param>
/// <param name="DigestThresholdPercent">The digest goes below this share of activated users.</param>
/// <param name="CanRunNow">Run reminders now is available (Development only).</param>
public sealed record ReminderSettings(int FirstAfterDays, int SecondAfterDays, int DigestAfterDays, int DigestThresholdPercent, bool CanRunNow);
