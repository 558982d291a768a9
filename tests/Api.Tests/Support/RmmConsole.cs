using Api.Shared;
using Microsoft.AspNetCore.Hosting;

namespace Api.Tests.Support;

/// <summary>
/// The platform's second product as the tests configure it (the AppHost does so in Development):
/// a confidential client with roles partner admins may give. No back-channel logout address, so
/// no test's logout posts anywhere; tests of single logout configure their own.
/// </summary>
public static class RmmConsole
{
    public const string ClientId = "rmm-console";
    public const string DisplayName = "RMM Console";
    public const string ClientSecret = "test-only-rmm-console-secret-0123456789abcdef";

    public static void Configure(IWebHostBuilder builder)
    {
        const string at = "Sso:Products:" + ClientId + ":";
        builder.UseSetting(at + "DisplayName", DisplayName);
        builder.UseSetting(at + "Type", "Confidential");
        builder.UseSetting(at + "Audience", "rmm-api");
        builder.UseSetting(at + "RedirectUris:0", "https://rmm.example/signin-oidc");
        builder.UseSetting(at + "PostLogoutRedirectUris:0", "https://rmm.example/signout-callback-oidc");
        builder.UseSetting(at + "Roles:0", ProductRoles.RmmTechnician);
        builder.UseSetting(at + "Roles:1", ProductRoles.RmmAdmin);
        builder.UseSetting(at + "AssignableRoles:0", ProductRoles.RmmTechnician);
        builder.UseSetting(at + "AssignableRoles:1", ProductRoles.RmmAdmin);
        builder.UseSetting(at + "ClientSecret", ClientSecret);
    }
}
