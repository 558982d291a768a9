using Microsoft.Extensions.Options;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Server;

namespace Api.Sso.MachineClients;

public static class MachineClientServiceExtensions
{
    /// <summary>Machine clients: the client-credentials grant, their second secret, their tokens' own scheme, the failed-authentication throttle.</summary>
    public static IServiceCollection AddMachineClients(this IServiceCollection services)
    {
        services.AddOptions<MachineClientOptions>().BindConfiguration(MachineClientOptions.SectionName);
        services.AddScoped<MachineClientRegistry>();
        services.AddScoped<ClientAuthenticationThrottle>();
        services.AddOpenIddict()
            .AddCore(core => core.ReplaceApplicationManager<OpenIddictEntityFrameworkCoreApplication, MachineClientApplicationManager>())
            .AddServer(server =>
            {
                server.AllowClientCredentialsFlow();
                server.AddEventHandler(ClientCredentialsGrant.Descriptor);
                server.AddEventHandler(ClientAuthenticationThrottle.Descriptor);
            });
        services.AddOptions<OpenIddictServerOptions>().Configure<IOptions<MachineClientOptions>>((options, machines) =>
            options.Scopes.UnionWith(machines.Value.Scopes));
        services.AddMachineClientTokens();
        return services;
    }
}
