using System.Diagnostics.Metrics;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Funnel;

namespace Api.SsoMigration;

/// <summary>
/// The migration's OpenTelemetry instruments, on the <see cref="MeterName"/> meter (which
/// ServiceDefaults exports to the Aspire dashboard, with every meter named after the service):
/// users moved and failed (the batch runner), the funnel's activations, enrolments and first
/// portal sign-ins (counted when their milestone is first written, after its commit), reminder
/// mails, and how long batches run. README, "Migration funnel and metrics".
/// </summary>
public sealed class MigrationMetrics
{
    public const string MeterName = "Api.Migration";

    private readonly Counter<long> moved;
    private readonly Counter<long> failed;
    private readonly Counter<long> activations;
    private readonly Counter<long> enrolments;
    private readonly Counter<long> firstSignIns;
    private readonly Counter<long> returns;
    private readonly Counter<long> reminders;
    private readonly Histogram<double> batchDuration;

    public MigrationMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        moved = meter.CreateCounter<long>("migration.users.moved", "{user}", "End users moved to SSO by a batch (outcome: migrated or linked).");
        failed = meter.CreateCounter<long>("migration.users.failed", "{user}", "End users a batch could not move.");
        activations = meter.CreateCounter<long>("migration.funnel.activations", "{user}", "Moved end users who proved their e-mail address.");
        enrolments = meter.CreateCounter<long>("migration.funnel.enrolments", "{user}", "Moved end users who set up an authenticator.");
        firstSignIns = meter.CreateCounter<long>("migration.funnel.first_sign_ins", "{user}", "Moved end users who signed in to the portal with SSO for the first time.");
        returns = meter.CreateCounter<long>("migration.funnel.returns", "{user}", "Moved end users who signed in to the portal again, in a later session, within 30 days.");
        reminders = meter.CreateCounter<long>("migration.reminders.sent", "{mail}", "Reminder mails sent to moved end users (kind: the reminder's kind).");
        batchDuration = meter.CreateHistogram<double>("migration.batch.duration", "s", "From a batch's start to its completion.");
    }

    /// <summary>One user's final outcome in a batch run (pending and skipped users are not counted).</summary>
    public void UserFinished(MigrationOutcomeStatus outcome)
    {
        switch (outcome)
        {
            case MigrationOutcomeStatus.Migrated or MigrationOutcomeStatus.Linked:
                moved.Add(1, new KeyValuePair<string, object?>("outcome", outcome == MigrationOutcomeStatus.Migrated ? "migrated" : "linked"));
                break;
            case MigrationOutcomeStatus.Failed:
                failed.Add(1);
                break;
        }
    }

    /// <summary>A funnel milestone written for the first time (committed).</summary>
    public void Reached(FunnelStep step)
    {
        var counter = step switch
        {
            FunnelStep.EmailActivated => activations,
            FunnelStep.AuthenticatorEnrolled => enrolments,
            FunnelStep.FirstPortalSignIn => firstSignIns,
            FunnelStep.ReturnedWithin30Days => returns,
            _ => null,
        };
        counter?.Add(1);
    }

    /// <summary>A reminder mail queued for a moved end user; <paramref name="kind"/> names the reminder (e.g. "activation").</summary>
    public void ReminderSent(string kind) => reminders.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>A batch completed <paramref name="duration"/> after it started.</summary>
    public void BatchCompleted(TimeSpan duration) => batchDuration.Record(Math.Max(0, duration.TotalSeconds));
}
