namespace Api.Audit;

public static class AuditServiceExtensions
{
    /// <summary>The audit log: entries are written in the same unit of work as the change they record.</summary>
    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuditLog>();
        return builder;
    }
}
