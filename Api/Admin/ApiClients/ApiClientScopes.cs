namespace Api.Admin.ApiClients;

/// <summary>
/// What an API client may be given, each with the sentence the Settings page shows. admin.read
/// reads the admin API (GET only); admin.write also changes things (it implies read); scim
/// provisions end users through SCIM and nothing else. None of them reaches an operator's endpoint
/// or an answer only an account's owner may give.
/// </summary>
public static class ApiClientScopes
{
    public const string AdminRead = "admin.read";
    public const string AdminWrite = "admin.write";
    public const string Scim = "scim";

    public static readonly IReadOnlyList<string> All = [AdminRead, AdminWrite, Scim];

    /// <summary>The scopes a token carries (one space-separated claim, or several).</summary>
    public static IReadOnlySet<string> Of(System.Security.Claims.ClaimsPrincipal principal) =>
        principal.FindAll("scope").SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
}
