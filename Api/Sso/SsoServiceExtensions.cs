using Api.Shared.Links;
using Api.Shared;
using Api.Sso.Accounts;
using Api.Sso.Login;
using Api.Sso.MachineClients;
using Api.Sso.Oidc;
using Api.Sso.Passkeys;
using Api.Sso.Passwords;
using Api.Sso.Products;
using Api.Sso.Sessions;
using Api.Sso.Throttling;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Api.Sso;

public static class SsoServiceExtensions
{
    public static IHostApplicationBuilder AddSso(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentityCore<SsoAccount>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B).
                options.Password.RequiredLength = InputRules.MinPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
            })
            .AddRoles<IdentityRole>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddEntityFrameworkStores<SsoDbContext>();
        services.AddScoped<IPasswordHasher<SsoAccount>, MigratingPasswordHasher>();
        services.AddSsoPasskeys();

        services.AddOptions<SsoSessionOptions>().BindConfiguration("Identity:Sessions");
        services.AddOptions<LoginThrottleOptions>().BindConfiguration("Identity:Throttling");
        services.AddOptions<RequestLimitOptions>().BindConfiguration("Identity:Throttling");
        var recoveryCodeKey = services.AddOptions<RecoveryCodeOptions>().BindConfiguration("Identity");
        if (!OpenApiGeneration.IsRunning)
        {
            recoveryCodeKey.ValidateOnStart();
            services.AddSingleton<IValidateOptions<RecoveryCodeOptions>, RecoveryCodeOptions.Validator>();
        }

        services.AddSingleton<RecoveryCodes>();
        services.AddHttpContextAccessor();
        services.AddSingleton<SsoSessionStore>();
        services.AddSingleton<LoginTransactionStore>();
        services.AddSingleton<TrustedDevices>();
        services.AddSingleton<ReauthenticationRequests>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<TotpVerifier>();
        services.AddSingleton(DummyPasswordCheck.Shared);
        services.AddSingleton<PasswordCheckGate>();
        services.AddScoped<LoginServices>();
        services.AddScoped<OneTimeLinks>();
        services.AddScoped<AccountEmails>();
        services.AddScoped<AccountAdministration>();
        // Whoever listens (the portal's migration funnel) registers an IAccountMilestoneListener.
        services.AddScoped<AccountMilestones>();
        services.AddScoped<SubjectDirectory>();
        services.AddScoped<ProductSignIn>();
        services.AddSingleton<PasswordResetRequests>();
        if (!OpenApiGeneration.IsRunning)
        {
            services.AddHostedService<PasswordResetMailer>();
            services.AddHostedService<TokenPruner>();
        }

        services.AddSsoProducts();
        services.AddSessionBoundTokens();
        builder.AddOidcServer();
        services.AddMachineClients();
        return builder;
    }

    public static IEndpointRouteBuilder MapSso(this IEndpointRouteBuilder app)
    {
        app.MapOidcEndpoints();
        app.MapSsoLoginApi();
        app.MapAccountEmailApi();
        app.MapNotMeApi();
        app.MapSessionsApi();
        app.MapPasskeysApi();
        return app;
    }
}
