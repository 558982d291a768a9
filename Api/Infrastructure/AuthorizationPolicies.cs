using Api.Sso.Accounts;

namespace Api.Infrastructure;

/// <summary>The Api's authorization policies; role names come from <see cref="ProductRoles"/> (one vocabulary).</summary>
public static class AuthorizationPolicies
{
    /// <summary>A platform operator whose session was opened with a second factor.</summary>
    public const string PlatformOperator = "platform-operator";

    public static IServiceCollection AddApiAuthorization(this IServiceCollection services) =>
        services.AddAuthorizationBuilder()
            .AddPolicy(PlatformOperator, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim("amr", "mfa")
                .RequireRole(ProductRoles.PlatformOperator))
            .Services;
}
