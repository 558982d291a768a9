using System.Security.Claims;

namespace RmmConsole;

/// <summary>The roles this product knows. The SSO sends only these; the console still ignores any other.</summary>
public static class ConsoleRoles
{
    public const string Technician = "rmm-technician";
    public const string Admin = "rmm-admin";
    public const string ClaimType = "role";

    private static readonly HashSet<string> Known = [Technician, Admin];

    public static IReadOnlyList<string> Of(ClaimsPrincipal user) =>
        user.FindAll(ClaimType).Select(claim => claim.Value).Where(Known.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
