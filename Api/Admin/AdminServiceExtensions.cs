using Api.Admin.ApiClients;
using Api.Admin.EndUsers;
using Api.Admin.MailLimits;
using Api.Sso.MachineClients;

namespace Api.Admin;

public static class AdminServiceExtensions
{
    /// <summary>The admin area's own services (its handlers bind the rest with <c>[AsParameters]</c>).</summary>
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<AccountOwnership>();
        builder.Services.AddAdminMailLimits();
        builder.Services.AddScoped<ApiClientCaller>();
        builder.Services.AddOptions<ApiClientLimitOptions>().BindConfiguration(ApiClientLimitOptions.SectionName);
        builder.Services.Configure<MachineClientOptions>(options => options.Scopes.UnionWith(ApiClientScopes.All));
        return builder;
    }
}
