namespace Api.SsoMigration.Reminders;

/// <summary>How reminders are spelled in audit entries and answers: written out, so renaming a member changes nothing outside.</summary>
public static class ReminderWireNames
{
    public static string Of(MigrationReminderKind kind) => kind switch
    {
        MigrationReminderKind.NotActivatedFirst => "not-activated-first",
        MigrationReminderKind.NotActivatedSecond => "not-activated-second",
        MigrationReminderKind.NotEnrolled => "not-enrolled",
        MigrationReminderKind.Manual => "manual",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Of(ReminderStep step) => step switch
    {
        ReminderStep.Activate => "activate",
        ReminderStep.Enrol => "enrol",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };
}
