using Api.Admin.EndUsers;
using Api.Admin.Staff;
using Api.Audit;
using Api.Data;
using Api.Shared;
using Api.Shared.Transactions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Reminders;

/// <summary>A partner admin turns a client's automatic reminders off (or on again), with its audit entry; the same value again changes nothing.</summary>
public static class SetClientReminders
{
    public static async Task<Results<Ok<ClientReminders>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        Guid clientId, ClientRemindersRequest body, StaffMember staff, AppDbContext db, AuditLog audit, CancellationToken cancellationToken)
    {
        if (body.Enabled is not { } enabled)
        {
            return Problems.Invalid("enabled", "Say whether automatic reminders are on (true) or off (false).");
        }

        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        var client = await staff.Scope(db.Clients).FirstOrDefaultAsync(c => c.Id == clientId, cancellationToken);
        if (client is null)
        {
            return EndUserProblems.ClientNotFound();
        }

        if (client.AutomaticReminders != enabled)
        {
            audit.Record(staff.Actor, AuditActions.ClientRemindersChanged, client.PartnerId, new AuditTarget("client", client.Id.ToString(), client.Name),
                new { AutomaticReminders = client.AutomaticReminders }, new { AutomaticReminders = enabled });
            client.AutomaticReminders = enabled;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok(new ClientReminders(client.Id, enabled));
    }
}

public sealed record ClientRemindersRequest(bool? Enabled);

/// <param name="Enabled">Whether the client's stuck migrated users get automatic reminders.</param>
public sealed record ClientReminders(Guid ClientId, bool Enabled);
