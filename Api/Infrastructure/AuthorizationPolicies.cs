
namespace Api.Infrastructure;

/// <summary>The Api's authorization policies; role names come from <see cref="ProductRoles"/> (one vocabulary).</summary>
public static class AuthorizationPolicies
{
    /// <summary>A platform operator whose session was opened with a second factor.</summary>
    public const string PlatformOperator = "platform-operator";

    /// <summary>
    /// Anyone whose session was opened with a second factor; the admin area then requires a staff
    /// role (see <c>Api.Admin.Staff</c>), so a legacy or password-only session never gets in.
    /// </summary>
    public const string MfaSession = "mfa-session";

    public static IServiceCollection AddApiAuthorization(this IServiceCollection services) =>
        services.AddAuthorizationBuilder()
            .AddPolicy(PlatformOperator, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim("amr", "mfa")
                .RequireRole(ProductRoles.PlatformOperator))
            .AddPolicy(MfaSession, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim("amr", "mfa"))
            .Services;
}
