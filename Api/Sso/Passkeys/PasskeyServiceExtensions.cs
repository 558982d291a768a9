using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Api.Sso.Passkeys;

public static class PasskeyServiceExtensions
{
    /// <summary>Identity's own WebAuthn handler, configured by <see cref="PasskeyOptionsSetup"/>; the ceremony state lives in Redis.</summary>
    public static IServiceCollection AddSsoPasskeys(this IServiceCollection services)
    {
        services.AddSingleton<IConfigureOptions<IdentityPasskeyOptions>, PasskeyOptionsSetup>();
        services.TryAddScoped<IPasskeyHandler<Accounts.SsoAccount>, PasskeyHandler<Accounts.SsoAccount>>();
        services.AddSingleton<PasskeyCeremonies>();
        services.AddScoped<PasskeyServices>();
        return services;
    }
}
