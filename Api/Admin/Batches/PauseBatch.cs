using Api.Admin.Staff;
using Api.SsoMigration.Execution;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin.Batches;

/// <summary>Pause: a running batch stops after the user in hand; its partners are told once, and a new date (Reschedule or Run now) goes on where it stopped.</summary>
public static class PauseBatch
{
    public static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid id, StaffMember staff, [AsParameters] BatchServices s, BatchControl control, CancellationToken cancellationToken)
    {
        if (await control.PauseAsync(id, staff.Actor, cancellationToken))
        {
            return TypedResults.NoContent();
        }

        return await s.FindAsync(id, cancellationToken) is null ? ExecutionProblems.BatchNotFound() : ExecutionProblems.NotRunning();
    }
}
