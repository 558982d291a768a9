namespace Api.Admin.MailLimits;

public static class AdminMailLimitsExtensions
{
    public static IServiceCollection AddAdminMailLimits(this IServiceCollection services)
    {
        services.AddOptions<AdminMailLimitOptions>().BindConfiguration(AdminMailLimitOptions.SectionName);
        // Scoped: it remembers the request's last refusal for the bulk report.
        services.AddScoped<AdminMailBudget>();
        return services;
    }
}
