namespace Api.Audit;

/// <summary>Who performed an audited action; <see cref="System"/> for scheduled work (the migration scheduler).</summary>
public sealed record AuditActor(string Id, string Name, string? ClientIp)
{
    public static readonly AuditActor System = new("system", "System", null);
}
