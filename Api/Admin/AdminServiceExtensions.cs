using Api.Admin.EndUsers;
using Api.Admin.MailLimits;

namespace Api.Admin;

public static class AdminServiceExtensions
{
    /// <summary>The admin area's own services (its handlers bind the rest with <c>[AsParameters]</c>).</summary>
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<AccountOwnership>();
        builder.Services.AddAdminMailLimits();
        return builder;
    }
}
