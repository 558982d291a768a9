using System.Security.Claims;

namespace Microsoft.Extensions.Hosting;

public static class ClaimsPrincipalExtensions
{
    public static string? GetUserId(this ClaimsPrincipal principal) => principal.FindFirst("sub")?.Value;

    public static string? GetSessionId(this ClaimsPrincipal principal) => principal.FindFirst("sid")?.Value;

    /// <summary>True when the session was opened with a second factor (amr contains "mfa").</summary>
    public static bool HasMfa(this ClaimsPrincipal principal) =>
        principal.FindAll("amr").Any(claim => claim.Value == "mfa");
}
