using Microsoft.EntityFrameworkCore;
using System.Text.Json;

namespace Api.Audit;

/// <summary>
/// Appends audit events to the caller's unit of work: they are saved by the caller's
/// SaveChanges, inside the caller's transaction, together with the change itself.
/// </summary>
public sealed class AuditLog(DbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Record(AuditActor actor, string action, Guid? partnerId, AuditTarget target, object? before = null, object? after = null) =>
        db.Add(new AuditEvent
        {
            At = clock.GetUtcNow().UtcDateTime,
            PartnerId = partnerId,
            ActorId = actor.Id,
            ActorName = actor.Name,
            Action = action,
            TargetType = target.Type,
            TargetId = target.Id,
            TargetName = target.Name,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
            ClientIp = actor.ClientIp,
        });
}

/// <summary>What an audited action acted on.</summary>
public sealed record AuditTarget(string Type, string? Id, string? Name);
