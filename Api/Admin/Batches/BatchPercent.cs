using Api.SsoMigration.Batches;

namespace Api.Admin.Batches;

/// <summary>How far a batch is, as operators read it on its page and on the timeline: done of total, rounded down.</summary>
public static class BatchPercent
{
    /// <summary>A batch with nothing to do is 100 % once completed, 0 % before.</summary>
    public static int Of(int done, int total, MigrationBatchStatus status) =>
        total == 0 ? (status == MigrationBatchStatus.Completed ? 100 : 0) : (int)Math.Floor(done * 100.0 / total);
}
